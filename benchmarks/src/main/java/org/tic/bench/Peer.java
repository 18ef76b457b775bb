package org.tic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The Spring Boot + Spring Data REST peer (a nested Maven project under benchmarks/, built with ./mvnw). */
final class Peer {

    private Peer() {
    }

    static Path project(Path root) {
        return root.resolve("benchmarks/spring-data-rest-app");
    }

    static String springBootVersion(Path root) {
        String pom = Machine.read(project(root).resolve("pom.xml").toString());
        return Benchmark.firstGroup(pom, "<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>([^<]+)<");
    }

    /** Builds the peer's jar when it is missing or older than its sources. */
    static void ensureBuilt(Path root) {
        Path jar = project(root).resolve("target/spring-data-rest-app.jar");
        try {
            FileTime newest;
            try (Stream<Path> files = Stream.concat(Stream.of(project(root).resolve("pom.xml")),
                    Files.walk(project(root).resolve("src")).filter(Files::isRegularFile))) {
                newest = files.map(Peer::modified).max(FileTime::compareTo).orElseThrow();
            }
            if (Files.exists(jar) && modified(jar).compareTo(newest) >= 0) {
                return;
            }
            Benchmark.step("Building the Spring Data REST peer (first time downloads Spring Boot from Maven Central)");
            Process p = new ProcessBuilder(List.of(root.resolve("mvnw").toString(), "-q", "-B", "-f",
                    project(root).resolve("pom.xml").toString(), "package", "-DskipTests"))
                    .directory(root.toFile()).inheritIO().start();
            if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("Building the Spring Data REST peer failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot build the Spring Data REST peer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
