package org.tic.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every overlay under deploy/k8s/overlays renders and every object in it passes the schemas and our rules. */
class OverlaysTest {

    private static OverlayValidator validator;

    @BeforeAll
    static void kubectl() {
        validator = new OverlayValidator(Repo.root(), Repo.kustomize());
    }

    static List<Path> overlays() {
        return Repo.allOverlays();
    }

    @Test
    void theExpectedOverlaysExist() {
        Set<String> names = overlays().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("dev", "prod", "prod-operators")), "overlays: " + names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void overlayIsValid(Path overlay) {
        OverlayValidator.Result result = validator.validate(overlay);
        assertTrue(result.violations().isEmpty(), overlay.getFileName() + ": " + Repo.report(result.violations()));
        Set<String> deployments = result.manifests().stream().filter(m -> m.kind().equals("Deployment"))
                .map(Manifest::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(Repo.SERVICES);
        expected.add(PolicyRules.KEYCLOAK.app());
        expected.add(PolicyRules.OTEL_COLLECTOR.app());
        assertEquals(expected, deployments, "every service, Keycloak and the OpenTelemetry Collector are deployed by "
                + overlay.getFileName());
    }

    @Test
    void prodPinsEveryImageToTheSameReleaseTag() {
        OverlayValidator.Result prod = validator.validate(Repo.overlays().resolve("prod"));
        Set<String> tags = new TreeSet<>();
        for (Manifest m : prod.manifests()) {
            // Our services share one release; Keycloak has its own (KeycloakTest).
            if (m.kind().equals("Deployment") && Repo.SERVICES.contains(m.name())) {
                m.spec().path("template").path("spec").path("containers")
                        .forEach(c -> tags.add(String.valueOf(ImageRef.parse(c.path("image").asText()).tag())));
            }
        }
        assertEquals(1, tags.size(), "one release tag for the services: " + tags);
        assertFalse(tags.contains("latest"));
    }

    @Test
    void operatorsOverlayDeclaresEveryTopicOfTheComposeFileWithTheSamePartitions() throws Exception {
        OverlayValidator.Result result = validator.validate(Repo.overlays().resolve("prod-operators"));
        var strimzi = new java.util.TreeMap<String, Integer>();
        result.manifests().stream().filter(m -> m.kind().equals("KafkaTopic"))
                .forEach(t -> strimzi.put(t.spec().path("topicName").asText(t.name()), t.spec().path("partitions").asInt()));
        var compose = ComposeValidator.topics(Repo.root().resolve("docker-compose.yml"));
        assertEquals(compose, strimzi, "docker-compose.yml and components/strimzi must create the same topics");
        // The local run (dev-infra) creates its topics in code: the same names and partitions.
        java.nio.file.Path devInfra = Repo.root().resolve("dev-infra/src/main/java/org/tic/devinfra/Infrastructure.java");
        if (java.nio.file.Files.isRegularFile(devInfra)) {
            var local = new java.util.TreeMap<String, Integer>();
            var m = java.util.regex.Pattern.compile("topics\\.put\\(\"([^\"]+)\",\\s*(\\d+)\\)")
                    .matcher(java.nio.file.Files.readString(devInfra));
            while (m.find()) {
                local.put(m.group(1), Integer.parseInt(m.group(2)));
            }
            if (!local.isEmpty()) {
                assertEquals(local, strimzi, "dev-infra's Infrastructure.java and components/strimzi must create the same topics");
            }
        }
        assertTrue(strimzi.keySet().containsAll(Set.of("membership.events", "project.events", "kpi.events",
                "membership-service.dlq", "project-service.dlq", "kpi-service.dlq")), strimzi.toString());
    }
}
