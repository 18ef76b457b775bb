package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services' traces reach the OpenTelemetry Collector: in every overlay that deploys the services there is a
 * collector, each service's environment points at its Service, and the network policies of both sides let OTLP
 * gRPC (4317) through; docker-compose.yml runs the same collector release on the same configuration file. The
 * wiring is checked here directly on the rendered objects ({@link #wiring}), independently of {@link PolicyRules},
 * and both are shown to fail when a piece is taken away.
 */
class TracingTest {

    static final String COLLECTOR = PolicyRules.OTEL_COLLECTOR.app();
    static final String ENDPOINT = "http://otel-collector:4317";
    static final String CONFIG_FILE = "deploy/k8s/base/otel-collector/collector.yaml";

    private static OverlayValidator validator;
    private final Path root = Repo.root();

    @BeforeAll
    static void kubectl() {
        validator = new OverlayValidator(Repo.root(), Repo.kustomize());
    }

    static List<Path> overlays() {
        return Repo.allOverlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceOfTheOverlayExportsToItsCollector(Path overlay) {
        List<Manifest> manifests = validator.validate(overlay).manifests();
        assertTrue(manifests.stream().anyMatch(m -> m.kind().equals("Deployment") && Repo.SERVICES.contains(m.name())),
                overlay.getFileName() + " deploys no service");
        assertEquals(List.of(), wiring(manifests), overlay.getFileName().toString());
    }

    @Test
    void aServiceWithoutTheEndpointFails() {
        List<Manifest> broken = change(prod(), "ConfigMap", "kpi-service-config",
                cm -> remove(cm, "data", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
        assertTrue(wiring(broken).contains("kpi-service: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT=null, not " + ENDPOINT),
                wiring(broken).toString());
        assertRule(broken, "[tracing] Deployment/kpi-service: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT is not set: its "
                + "traces go to http://localhost:4317, where nothing listens (the collector is " + ENDPOINT + ")");
    }

    @Test
    void aServiceWithoutEgressToTheCollectorFails() {
        List<Manifest> broken = prod().stream()
                .filter(m -> !(m.kind().equals("NetworkPolicy") && m.name().equals("project-service-to-otel-collector")))
                .toList();
        assertTrue(wiring(broken).contains("project-service: no NetworkPolicy lets it reach the collector on 4317"),
                wiring(broken).toString());
        assertRule(broken, "[tracing] Deployment/project-service: its NetworkPolicies do not let it reach the collector's pods");
    }

    @Test
    void aCollectorThatDoesNotAdmitAServiceFails() {
        List<Manifest> broken = change(prod(), "NetworkPolicy", COLLECTOR, np -> {
            ArrayNode values = (ArrayNode) np.path("spec").path("ingress").path(0).path("from").path(0)
                    .path("podSelector").path("matchExpressions").path(0).path("values");
            for (int i = values.size() - 1; i >= 0; i--) {
                if (values.get(i).asText().equals("delivery-service")) {
                    values.remove(i);
                }
            }
            return np;
        });
        assertTrue(wiring(broken).contains("delivery-service: the collector's NetworkPolicies do not admit it on 4317"),
                wiring(broken).toString());
        assertRule(broken, "[tracing] Deployment/otel-collector: its NetworkPolicies do not admit the traces of delivery-service");
    }

    @Test
    void servicesWithoutACollectorFail() {
        List<Manifest> broken = prod().stream()
                .filter(m -> !(m.kind().equals("Deployment") && m.name().equals(COLLECTOR))).toList();
        assertTrue(wiring(broken).stream().anyMatch(p -> p.startsWith("no Deployment " + COLLECTOR)), wiring(broken).toString());
        assertRule(broken, "[tracing] Deployment/membership-service: exports traces, but no OpenTelemetry Collector");
    }

    @Test
    void aServiceWithTracingOffNeedsNoEndpoint() {
        List<Manifest> off = change(prod(), "ConfigMap", "kpi-service-config", cm -> {
            remove(cm, "data", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
            ((ObjectNode) cm.path("data")).put("QUARKUS_OTEL_SDK_DISABLED", "true");
            return cm;
        });
        List<Violation> violations = new PolicyRules(root, true).check(off);
        assertTrue(violations.stream().noneMatch(v -> v.rule().equals("tracing")), Repo.report(violations));
    }

    @Test
    void aCollectorExportingWhereItsPoliciesForbidFails() {
        List<Manifest> broken = prod().stream()
                .filter(m -> !(m.kind().equals("NetworkPolicy") && m.name().equals("otel-collector-to-backend"))).toList();
        assertRule(broken, "[tracing] Deployment/otel-collector: exporter otlp sends to otlp-backend.example.internal:4317, "
                + "but its NetworkPolicies allow no egress on port 4317");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theOverlayRunsTheCollectorReleaseOfTheComposeFile(Path overlay) throws Exception {
        String compose = composeCollector().path("image").asText();
        assertTrue(compose.matches("otel/opentelemetry-collector-contrib:\\d+\\.\\d+\\.\\d+"), "a pinned release: " + compose);
        Manifest collector = validator.validate(overlay).manifests().stream()
                .filter(m -> m.kind().equals("Deployment") && m.name().equals(COLLECTOR)).findFirst().orElseThrow();
        collector.spec().path("template").path("spec").path("containers").forEach(c -> assertEquals(compose,
                c.path("image").asText(), overlay.getFileName() + ": the collector runs the compose file's release"));
    }

    @Test
    void composeMountsTheCollectorConfigurationOfTheManifests() throws Exception {
        List<String> sources = new ArrayList<>();
        for (JsonNode v : composeCollector().path("volumes")) {
            sources.add(root.resolve(v.asText().split(":")[0]).normalize().toString());
        }
        assertEquals(List.of(root.resolve(CONFIG_FILE).normalize().toString()), sources,
                "one collector configuration for compose and Kubernetes");
    }

    @Test
    void prodExportsToTheBackendAndDevToTheLog() {
        assertEquals(List.of("otlp"), collectorConfig(prod()).exporters("traces"));
        assertEquals("otlp-backend.example.internal:4317", collectorConfig(prod()).endpoint("otlp"));
        List<Manifest> dev = validator.validate(Repo.overlays().resolve("dev")).manifests();
        assertEquals(List.of("debug"), collectorConfig(dev).exporters("traces"));
    }

    // ------------------------------------------------------------------ the direct check

    /** What keeps a service's traces from reaching the collector, one line per problem (empty: nothing). */
    static List<String> wiring(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        List<Manifest> collectors = manifests.stream()
                .filter(m -> m.kind().equals("Deployment") && m.name().equals(COLLECTOR)).toList();
        if (collectors.size() != 1) {
            problems.add("no Deployment " + COLLECTOR + " (or more than one): " + collectors);
            return problems;
        }
        JsonNode container = collectors.get(0).spec().path("template").path("spec").path("containers").path(0);
        boolean receives = false;
        for (JsonNode p : container.path("ports")) {
            receives |= p.path("containerPort").asInt() == 4317;
        }
        if (!receives) {
            problems.add("the collector's container does not declare 4317");
        }
        boolean service = manifests.stream().anyMatch(m -> m.kind().equals("Service") && m.name().equals(COLLECTOR)
                && COLLECTOR.equals(m.spec().path("selector").path("app").asText())
                && m.spec().path("ports").findValues("port").stream().anyMatch(p -> p.asInt() == 4317));
        if (!service) {
            problems.add("no Service " + COLLECTOR + " on 4317 selects the collector's pods");
        }
        for (String s : Repo.SERVICES) {
            Manifest d = manifests.stream().filter(m -> m.kind().equals("Deployment") && m.name().equals(s)).findFirst()
                    .orElse(null);
            if (d == null) {
                problems.add(s + ": not deployed");
                continue;
            }
            String endpoint = env(manifests, d).get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
            if (!ENDPOINT.equals(endpoint)) {
                problems.add(s + ": QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint + ", not " + ENDPOINT);
            }
            boolean egress = manifests.stream().filter(m -> m.kind().equals("NetworkPolicy")
                            && s.equals(m.spec().path("podSelector").path("matchLabels").path("app").asText()))
                    .flatMap(np -> iterate(np.spec().path("egress")).stream())
                    .anyMatch(rule -> has4317(rule) && iterate(rule.path("to")).stream().anyMatch(to -> !to.has("namespaceSelector")
                            && COLLECTOR.equals(to.path("podSelector").path("matchLabels").path("app").asText())));
            if (!egress) {
                problems.add(s + ": no NetworkPolicy lets it reach the collector on 4317");
            }
            boolean ingress = manifests.stream().filter(m -> m.kind().equals("NetworkPolicy")
                            && COLLECTOR.equals(m.spec().path("podSelector").path("matchLabels").path("app").asText()))
                    .flatMap(np -> iterate(np.spec().path("ingress")).stream())
                    .anyMatch(rule -> has4317(rule) && iterate(rule.path("from")).stream().anyMatch(f -> admits(f, s)));
            if (!ingress) {
                problems.add(s + ": the collector's NetworkPolicies do not admit it on 4317");
            }
        }
        return problems;
    }

    private static boolean has4317(JsonNode rule) {
        return iterate(rule.path("ports")).stream().anyMatch(p -> p.path("port").asInt() == 4317);
    }

    /** A podSelector of this namespace naming the service's app label (matchLabels or an In expression). */
    private static boolean admits(JsonNode from, String app) {
        JsonNode selector = from.path("podSelector");
        if (from.has("namespaceSelector") || from.has("ipBlock") || selector.isMissingNode()) {
            return false;
        }
        if (app.equals(selector.path("matchLabels").path("app").asText())) {
            return true;
        }
        return iterate(selector.path("matchExpressions")).stream().anyMatch(e -> e.path("key").asText().equals("app")
                && e.path("operator").asText().equals("In") && PolicyRules.texts(e.path("values")).contains(app));
    }

    /** The container's environment from its ConfigMaps (envFrom) and env values. */
    private static Map<String, String> env(List<Manifest> manifests, Manifest d) {
        Map<String, String> env = new HashMap<>();
        JsonNode c = d.spec().path("template").path("spec").path("containers").path(0);
        for (JsonNode from : c.path("envFrom")) {
            String name = from.path("configMapRef").path("name").asText(null);
            manifests.stream().filter(m -> m.kind().equals("ConfigMap") && m.name().equals(name)).findFirst()
                    .ifPresent(cm -> cm.tree().path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText())));
        }
        c.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText(null)));
        return env;
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    // ------------------------------------------------------------------ helpers

    private static List<Manifest> prod() {
        return validator.validate(Repo.overlays().resolve("prod")).manifests();
    }

    private JsonNode composeCollector() throws Exception {
        return ComposeValidator.read(root.resolve("docker-compose.yml")).path("services").path(COLLECTOR);
    }

    /** A copy of the manifests with the objects of this kind whose name starts with this one changed. */
    private static List<Manifest> change(List<Manifest> manifests, String kind, String name, UnaryOperator<ObjectNode> edit) {
        List<Manifest> result = new ArrayList<>();
        boolean changed = false;
        for (Manifest m : manifests) {
            if (m.kind().equals(kind) && (m.name().equals(name) || m.name().startsWith(name + "-") && kind.equals("ConfigMap"))) {
                result.add(Manifest.of(edit.apply(m.tree().deepCopy())));
                changed = true;
            } else {
                result.add(m);
            }
        }
        assertTrue(changed, "no " + kind + " " + name + " to change");
        return result;
    }

    private static ObjectNode remove(ObjectNode tree, String field, String key) {
        assertTrue(tree.path(field).has(key), tree.path("metadata").path("name") + " has no " + key);
        ((ObjectNode) tree.path(field)).remove(key);
        return tree;
    }

    private void assertRule(List<Manifest> manifests, String expected) {
        String report = Repo.report(new PolicyRules(root, true).check(manifests));
        assertTrue(report.contains(expected), "expected '" + expected + "' in " + report);
    }

    private static CollectorConfig collectorConfig(List<Manifest> manifests) {
        Manifest collector = manifests.stream().filter(m -> m.kind().equals("Deployment") && m.name().equals(COLLECTOR))
                .findFirst().orElseThrow();
        JsonNode c = collector.spec().path("template").path("spec").path("containers").path(0);
        Manifest file = manifests.stream().filter(m -> m.kind().equals("ConfigMap") && m.name().startsWith("otel-collector-file"))
                .findFirst().orElseThrow();
        Map<String, String> env = new HashMap<>();
        manifests.stream().filter(m -> m.kind().equals("ConfigMap") && m.name().startsWith("otel-collector-config")).findFirst()
                .orElseThrow().tree().path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        CollectorConfig config = CollectorConfig.load(PolicyRules.texts(c.path("args")),
                path -> path.equals("/etc/otelcol/collector.yaml") ? file.tree().path("data").path("collector.yaml").asText() : null, env);
        assertEquals(List.of(), config.problems());
        return config;
    }
}
