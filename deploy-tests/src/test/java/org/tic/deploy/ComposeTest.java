package org.tic.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-compose.yml, checked without Docker against the services' application.properties. */
class ComposeTest {

    private final Path root = Repo.root();
    private final ComposeValidator validator = new ComposeValidator(root);

    @Test
    void composeFileIsValid() {
        List<Violation> violations = validator.validate(root.resolve("docker-compose.yml"));
        assertTrue(violations.isEmpty(), Repo.report(violations));
    }

    private String broken(String from, String to) throws Exception {
        String yaml = Files.readString(root.resolve("docker-compose.yml"));
        assertTrue(yaml.contains(from), "the compose file no longer contains: " + from);
        String report = Repo.report(validator.validate(yaml.replace(from, to), root, "broken docker-compose.yml"));
        return report;
    }

    @Test
    void wrongPortFails() throws Exception {
        String report = broken("QUARKUS_HTTP_PORT: \"8082\"", "QUARKUS_HTTP_PORT: \"9999\"");
        assertTrue(report.contains("QUARKUS_HTTP_PORT=9999 but project-service serves on quarkus.http.port=8082"), report);
    }

    @Test
    void wrongDatabaseFails() throws Exception {
        String report = broken("postgres:5432/kpi", "postgres:5432/kpis");
        assertTrue(report.contains("uses database 'kpis'"), report);
        assertTrue(report.contains("is not created by the PostgreSQL init script"), report);
    }

    @Test
    void missingHealthcheckAndShortDependsOnFail() throws Exception {
        String report = broken("""
                    healthcheck:
                      test: ["CMD-SHELL", "/opt/kafka/bin/kafka-broker-api-versions.sh""".indent(4).stripTrailing(),
                """
                    healthcheck_removed:
                      test: ["CMD-SHELL", "/opt/kafka/bin/kafka-broker-api-versions.sh""".indent(4).stripTrailing());
        assertTrue(report.contains("kafka: has no healthcheck"), report);
        assertTrue(report.contains("waits for kafka to be healthy, but it has no healthcheck"), report);
    }

    @Test
    void missingTopicFails() throws Exception {
        String report = broken("create kpi.events 3\n", "");
        assertTrue(report.contains("kpi-service uses topic kpi.events"), report);
    }

    @Test
    void literalPasswordFails() throws Exception {
        String report = broken("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-tic-local-dev}", "POSTGRES_PASSWORD: hunter2");
        assertTrue(report.contains("POSTGRES_PASSWORD is a literal"), report);
    }

    @Test
    void conditionlessDependencyFails() throws Exception {
        String report = broken("""
                  kafka-topics:
                    condition: service_completed_successfully""".indent(2).stripTrailing(), """
                  kafka-topics:
                    condition: service_started""".indent(2).stripTrailing());
        assertTrue(report.contains("with condition 'service_started'"), report);
    }

    @Test
    void keycloakInDevelopmentModeFails() throws Exception {
        String report = broken("command: [\"start\", \"--import-realm\"]", "command: [\"start-dev\"]");
        assertTrue(report.contains("keycloak: runs start-dev"), report);
        assertTrue(report.contains("keycloak: does not import the realm"), report);
    }

    @Test
    void anIssuerOtherThanKeycloaksFails() throws Exception {
        String report = broken("MP_JWT_VERIFY_ISSUER: http://localhost:${KEYCLOAK_PORT:-8180}/realms/tic",
                "MP_JWT_VERIFY_ISSUER: https://tic-platform.local/issuer");
        assertTrue(report.contains("kpi-service: MP_JWT_VERIFY_ISSUER=https://tic-platform.local/issuer but Keycloak "
                + "issues its tokens as http://localhost:8180/realms/tic"), report);
    }

    @Test
    void aHostnameOffThePublishedPortFails() throws Exception {
        String report = broken("KC_HOSTNAME: http://localhost:${KEYCLOAK_PORT:-8180}", "KC_HOSTNAME: http://localhost:8443");
        assertTrue(report.contains("keycloak: KC_HOSTNAME=http://localhost:8443 is not on the published port 8180"), report);
    }

    @Test
    void servicesNotWaitingForKeycloakOrWithAKeyFileFail() throws Exception {
        String report = broken("  keycloak:\n    condition: service_healthy\n\nservices:", "\nservices:");
        assertTrue(report.contains("project-service: does not wait for keycloak to be healthy"), report);
        report = broken("  TIC_SECURITY_OIDC_DISCOVERY: \"true\"\n",
                "  TIC_SECURITY_OIDC_DISCOVERY: \"true\"\n  MP_JWT_VERIFY_PUBLICKEY_LOCATION: file:/etc/tic/jwt/public.pem\n");
        assertTrue(report.contains("delivery-service: sets MP_JWT_VERIFY_PUBLICKEY_LOCATION"), report);
    }

    @Test
    void aWrongDiscoveryRealmFails() throws Exception {
        String report = broken("TIC_SECURITY_OIDC_DISCOVERY_URL: http://keycloak:8080/realms/tic",
                "TIC_SECURITY_OIDC_DISCOVERY_URL: http://keycloak:8080/realms/master");
        assertTrue(report.contains("membership-service: discovers realm 'master' but Keycloak imports realm 'tic'"), report);
    }

    @Test
    void aServiceExportingNowhereFails() throws Exception {
        String report = broken("  QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317\n", "");
        assertTrue(report.contains("kpi-service: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT is not set: its traces go to "
                + "http://localhost:4317, its own container (the collector is http://otel-collector:4317)"), report);
        report = broken("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4318");
        assertTrue(report.contains("project-service: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4318 is not the "
                + "collector on the compose network (http://otel-collector:4317)"), report);
    }

    @Test
    void servicesStartAfterTheCollectorWhichCannotBeWaitedOnForHealth() throws Exception {
        String collectorDependency = """
                  otel-collector:
                    condition: service_started""".indent(2).stripTrailing();
        String report = broken(collectorDependency, "");
        assertTrue(report.contains("membership-service: does not depend on otel-collector"), report);
        report = broken(collectorDependency, collectorDependency.replace("service_started", "service_healthy"));
        assertTrue(report.contains("delivery-service: waits for otel-collector to be healthy, but it has no healthcheck"), report);
    }

    @Test
    void theCollectorsConfigurationIsChecked() throws Exception {
        String report = broken("collector.yaml:/etc/otelcol/collector.yaml:ro", "collector.yaml:/etc/otelcol/config.yaml:ro");
        assertTrue(report.contains("otel-collector: --config=/etc/otelcol/collector.yaml is not a file"), report);
        report = broken("      # - \"--config=yaml:service::pipelines::traces::exporters: [debug, otlp]\"",
                "      - \"--config=yaml:service::pipelines::traces::exporters: [debug, otlp]\"");
        assertTrue(report.contains("otel-collector: exporter otlp sends to jaeger:4317, but jaeger is not a compose service"), report);
        report = broken("      TIC_OTLP_BACKEND_ENDPOINT: ${TIC_OTLP_BACKEND_ENDPOINT:-jaeger:4317}\n", "");
        assertTrue(report.contains("otel-collector: exporters::otlp::endpoint is ${env:TIC_OTLP_BACKEND_ENDPOINT}"), report);
    }

    @Test
    void theCommentedJaegerSetUpIsValid() throws Exception {
        String yaml = Files.readString(root.resolve("docker-compose.yml"));
        String enabled = yaml.replace("      # - \"--config=yaml:", "      - \"--config=yaml:")
                .replaceAll("(?m)^  # (jaeger:|  [a-z- ].*)$", "  $1");
        assertTrue(enabled.contains("\n  jaeger:\n    image: jaegertracing/jaeger:"), enabled);
        assertTrue(enabled.contains("- \"--config=yaml:service::pipelines::traces::exporters: [debug, otlp]\""), enabled);
        List<Violation> violations = validator.validate(enabled, root, "docker-compose.yml with Jaeger");
        assertTrue(violations.isEmpty(), Repo.report(violations));
    }
}
