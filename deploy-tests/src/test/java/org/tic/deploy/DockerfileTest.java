package org.tic.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service's Dockerfile.jvm: UBI OpenJDK 17 runtime, fast-jar layers, non-root, its own port. */
class DockerfileTest {

    static final List<String> services = Repo.SERVICES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("services")
    void dockerfileMatchesTheService(String service) throws Exception {
        Path root = Repo.root();
        Path dockerfile = root.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
        assertTrue(Files.isRegularFile(dockerfile), dockerfile + " is missing");
        String text = Files.readString(dockerfile);
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.startsWith("#")).toList();
        ServiceConfig config = ServiceConfig.load(root, service).orElseThrow();

        assertTrue(lines.stream().anyMatch(l -> l.matches("FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17(-runtime)?:[0-9.]+.*")),
                service + ": FROM a pinned UBI 9 OpenJDK 17 image");
        for (String layer : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY --chown=185 target/quarkus-app/" + layer)),
                    service + ": copies target/quarkus-app/" + layer + " owned by 185");
        }
        assertTrue(lines.contains("USER 185"), service + ": runs as user 185");
        assertTrue(lines.contains("EXPOSE " + config.httpPort()), service + ": EXPOSE " + config.httpPort()
                + " (quarkus.http.port)");
        assertTrue(text.contains("registry.example.com/tic-platform/" + service),
                service + ": documents the image name the overlays use");
    }
}
