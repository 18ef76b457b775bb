package org.tic.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The collector configuration model: sources merged as the collector merges them, and what it refuses. */
class CollectorConfigTest {

    private static final String FILE = "/etc/otelcol/collector.yaml";
    private static final Map<String, String> ENV = Map.of("TIC_OTLP_BACKEND_ENDPOINT", "tempo:4317");

    private static String platformFile() throws Exception {
        return Files.readString(Repo.root().resolve(TracingTest.CONFIG_FILE));
    }

    private static CollectorConfig load(String file, Map<String, String> env, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--config=" + FILE));
        args.addAll(List.of(extra));
        return CollectorConfig.load(args, path -> path.equals(FILE) ? file : null, env);
    }

    @Test
    void thePlatformsFileIsSoundAndExportsToTheLog() throws Exception {
        CollectorConfig config = load(platformFile(), ENV);
        assertEquals(List.of(), config.problems());
        assertEquals(4317, config.grpcPort());
        assertEquals(4318, config.httpPort());
        assertEquals(13133, config.healthPort());
        assertEquals("/", config.healthPath());
        assertEquals(List.of("debug"), config.exporters("traces"));
        assertEquals("tempo:4317", config.endpoint("otlp"));
    }

    @Test
    void yamlSourcesAreMergedInOrderListsReplacedMapsKeyByKey() throws Exception {
        CollectorConfig config = load(platformFile(), ENV, "--config=yaml:service::pipelines::traces::exporters: [debug, otlp]",
                "--config", "yaml:exporters::otlp::tls::insecure: true");
        assertEquals(List.of(), config.problems());
        assertEquals(List.of("debug", "otlp"), config.exporters("traces"));
        assertTrue(config.tree().path("exporters").path("otlp").path("tls").path("insecure").asBoolean());
        // The rest of the otlp exporter and of the pipeline is still the file's.
        assertEquals("tempo:4317", config.endpoint("otlp"));
        assertEquals(List.of("memory_limiter", "batch"),
                PolicyRules.texts(config.tree().path("service").path("pipelines").path("traces").path("processors")));
    }

    @Test
    void anUnsetVariableFailsEvenForAnUnusedExporter() throws Exception {
        CollectorConfig config = load(platformFile(), Map.of());
        assertEquals(List.of("exporters::otlp::endpoint is ${env:TIC_OTLP_BACKEND_ENDPOINT}, which the collector's environment "
                + "does not set (every configured component is validated at start-up, used or not)"), config.problems());
    }

    @Test
    void whatTheCollectorOrThePlatformWouldRefuseIsListed() throws Exception {
        String file = platformFile().replace("endpoint: 0.0.0.0:4317", "endpoint: localhost:4317")
                .replace("endpoint: 0.0.0.0:13133", "path: /health");
        CollectorConfig config = load(file, ENV, "--config=yaml:service::pipelines::traces::processors: [batch]",
                "--config=yaml:service::pipelines::traces::exporters: [jaeger]", "--config=/etc/otelcol/missing.yaml");
        List<String> problems = config.problems();
        String all = String.join("\n", problems);
        assertTrue(all.contains("the otlp receiver's grpc endpoint listens on localhost:4317: unreachable"), all);
        assertTrue(all.contains("the health_check extension has no explicit host:port"), all);
        assertTrue(all.contains("the traces pipeline's first processor is not memory_limiter (processors [batch])"), all);
        assertTrue(all.contains("pipeline traces uses exporter jaeger, which exporters does not define"), all);
        assertTrue(all.contains("--config=/etc/otelcol/missing.yaml is not a file"), all);
        assertEquals(5, problems.size(), all);
        assertEquals("/health", config.healthPath());
    }

    @Test
    void noConfigAtAllRunsTheImagesDefault() {
        assertEquals(List.of("has no --config: the image's built-in configuration would run, not the platform's",
                        "has no otlp receiver: the services' traces have nowhere to go",
                        "has no health_check extension: the probes have nothing to ask",
                        "service::extensions does not start health_check",
                        "has no traces pipeline (service::pipelines::traces)"),
                CollectorConfig.load(List.of(), path -> null, Map.of()).problems());
    }

    @Test
    void endpointsAreParsed() {
        assertEquals(4317, CollectorConfig.port("0.0.0.0:4317"));
        assertEquals(4317, CollectorConfig.port("http://otel-collector:4317"));
        assertEquals(443, CollectorConfig.port("[::1]:443"));
        assertEquals("[::1]", CollectorConfig.host("[::1]:443"));
        assertEquals(-1, CollectorConfig.port("otel-collector"));
        assertEquals(4317, CollectorConfig.port("${env:HOST:-0.0.0.0}:4317"));
    }
}
