package org.tic.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tic.devinfra.client.ApiClient;
import org.tic.devinfra.launcher.Platform;
import org.tic.devinfra.process.Ports;
import org.tic.devinfra.identity.KeycloakServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Starts the whole platform once for this test JVM: real PostgreSQL, Kafka and Keycloak, the services from their
 * packaged jars, on free ports; stopped when the JVM ends (orphan guards cover a killed JVM).
 */
public final class PlatformExtension implements BeforeAllCallback {

    private static Platform platform;
    private static OtlpReceiver traces;
    private static Supplier<String> secretariat;

    @Override
    public void beforeAll(ExtensionContext context) {
        platform();
    }

    public static synchronized Platform platform() {
        if (platform == null) {
            try {
                Path root = Path.of(System.getProperty("tic.repository.root", "..")).toAbsolutePath().normalize();
                Path work = Files.createTempDirectory("tic-e2e-");
                traces = new OtlpReceiver();
                int kpiPort = Ports.free();
                Map<String, String> env = new java.util.HashMap<>(tracing(traces));
                // the console (served by kpi-service) calls the other services from the browser
                env.put("TIC_CORS_ORIGINS", "http://127.0.0.1:" + kpiPort + ",http://localhost:" + kpiPort);
                // Keycloak as the identity provider: every e2e token is a real Keycloak token
                platform = Platform.start(new Platform.Options(root, work, Ports.free(), Ports.free(), Ports.free(),
                        Ports.free(), Ports.free(), kpiPort, Ports.free(), false, !Boolean.getBoolean("tic.e2e.keep"),
                        env, Ports.free()));
                Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "e2e-platform-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }

    /**
     * Traces on, exported over OTLP/HTTP to the in-memory receiver (TraceStoryTest reads them), and JSON logs, whose
     * lines carry the trace and span ids.
     */
    private static Map<String, String> tracing(OtlpReceiver receiver) {
        return Map.of("QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms",
                "TIC_JSON_LOGS", "true");
    }

    /** The spans the services exported. */
    public static OtlpReceiver traces() {
        platform();
        return traces;
    }

    public static ApiClient client(String service, String token) {
        return new ApiClient(platform().service(service).baseUrl()).withToken(token);
    }

    /** A client calling with a Keycloak user's tokens (renewed as they expire). */
    public static ApiClient client(String service, Supplier<String> tokens) {
        return new ApiClient(platform().service(service).baseUrl()).withTokens(tokens);
    }

    public static KeycloakServer keycloak() {
        return platform().identityProvider();
    }

    /** The realm's demo secretariat user's tokens. */
    public static synchronized Supplier<String> secretariat() {
        if (secretariat == null) {
            secretariat = keycloak().tokens("secretariat", "secretariat", Map.of());
        }
        return secretariat;
    }
}
