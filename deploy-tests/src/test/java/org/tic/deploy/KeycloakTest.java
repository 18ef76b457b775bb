package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keycloak is the same everywhere: one realm file (dev-infra's, copied for kustomize), one release in
 * docker-compose.yml and every overlay, the development realm only outside production.
 */
class KeycloakTest {

    /** The realm export of the local run, mounted by docker-compose.yml. */
    static final String DEV_INFRA_REALM = "dev-infra/src/main/resources/org/tic/devinfra/keycloak/tic-realm.json";
    /** Its copy for kustomize, which reads no file outside the kustomization's folder. */
    static final String KUSTOMIZE_REALM = "deploy/k8s/base/keycloak/tic-realm.json";

    private static OverlayValidator validator;
    private final Path root = Repo.root();

    @BeforeAll
    static void kubectl() {
        validator = new OverlayValidator(Repo.root(), Repo.kustomize());
    }

    static List<Path> overlays() {
        return Repo.allOverlays();
    }

    @Test
    void kustomizesRealmIsTheDevInfraRealmByteForByte() throws Exception {
        Path source = root.resolve(DEV_INFRA_REALM);
        Path copy = root.resolve(KUSTOMIZE_REALM);
        assertTrue(Files.isRegularFile(source), DEV_INFRA_REALM + " is missing");
        assertTrue(Files.isRegularFile(copy), KUSTOMIZE_REALM + " is missing");
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(copy),
                KUSTOMIZE_REALM + " differs from " + DEV_INFRA_REALM + ": after changing the realm, run cp "
                        + DEV_INFRA_REALM + " " + KUSTOMIZE_REALM);
    }

    @Test
    void composeImportsTheDevInfraRealm() throws Exception {
        JsonNode keycloak = ComposeValidator.read(root.resolve("docker-compose.yml")).path("services").path("keycloak");
        List<String> sources = new ArrayList<>();
        for (JsonNode v : keycloak.path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts[1].startsWith(PolicyRules.REALM_IMPORT_DIR + "/")) {
                sources.add(root.resolve(parts[0]).normalize().toString());
            }
        }
        assertEquals(List.of(root.resolve(DEV_INFRA_REALM).normalize().toString()), sources);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void overlayRunsTheKeycloakReleaseOfTheComposeFile(Path overlay) throws Exception {
        String compose = ComposeValidator.read(root.resolve("docker-compose.yml")).path("services").path("keycloak")
                .path("image").asText();
        assertTrue(compose.matches("quay\\.io/keycloak/keycloak:\\d+\\.\\d+\\.\\d+"), "a pinned release: " + compose);
        Manifest keycloak = keycloak(overlay);
        List<String> images = new ArrayList<>();
        JsonNode pod = keycloak.spec().path("template").path("spec");
        pod.path("initContainers").forEach(c -> images.add(c.path("image").asText()));
        pod.path("containers").forEach(c -> images.add(c.path("image").asText()));
        assertFalse(images.isEmpty());
        for (String image : images) {
            assertEquals(compose, image, overlay.getFileName() + ": every Keycloak container runs the compose file's release");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theDevelopmentRealmIsImportedOutsideProductionOnly(Path overlay) throws Exception {
        OverlayValidator.Result result = validator.validate(overlay);
        JsonNode realmVolume = realmVolume(keycloak(result));
        String realmFile = Files.readString(root.resolve(KUSTOMIZE_REALM), StandardCharsets.UTF_8);
        boolean devRealmRendered = result.manifests().stream().filter(m -> m.kind().equals("ConfigMap"))
                .anyMatch(m -> realmFile.equals(m.tree().path("data").path("tic-realm.json").asText(null)));
        if (OverlayValidator.isProduction(overlay)) {
            assertEquals("keycloak-realm", realmVolume.path("secret").path("secretName").asText(),
                    overlay.getFileName() + ": production imports the realm from the Secret keycloak-realm");
            assertFalse(devRealmRendered, overlay.getFileName() + ": the development realm is not in production manifests");
        } else {
            String cm = realmVolume.path("configMap").path("name").asText();
            assertTrue(cm.startsWith("keycloak-realm"), overlay.getFileName() + ": imports the development realm: " + realmVolume);
            assertTrue(devRealmRendered, overlay.getFileName() + ": the ConfigMap holds " + KUSTOMIZE_REALM + " unchanged");
        }
    }

    private static Manifest keycloak(Path overlay) {
        return keycloak(validator.validate(overlay));
    }

    private static Manifest keycloak(OverlayValidator.Result result) {
        return result.manifests().stream()
                .filter(m -> m.kind().equals("Deployment") && m.name().equals(PolicyRules.KEYCLOAK.app()))
                .findFirst().orElseThrow(() -> new AssertionError(result.overlay() + " deploys no Keycloak"));
    }

    private static JsonNode realmVolume(Manifest keycloak) {
        JsonNode pod = keycloak.spec().path("template").path("spec");
        String volume = null;
        for (JsonNode c : pod.path("containers")) {
            for (JsonNode m : c.path("volumeMounts")) {
                if (m.path("mountPath").asText().equals(PolicyRules.REALM_IMPORT_DIR)) {
                    volume = m.path("name").asText();
                }
            }
        }
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals(volume)) {
                return v;
            }
        }
        throw new AssertionError("nothing mounted on " + PolicyRules.REALM_IMPORT_DIR);
    }
}
