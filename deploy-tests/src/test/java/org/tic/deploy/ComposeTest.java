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
}
