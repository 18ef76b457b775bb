package org.tic.devinfra.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak's server distribution from Maven Central ({@code org.keycloak:keycloak-quarkus-dist}, a zip this module
 * depends on), unpacked once per user into {@code ~/.cache/tic-platform/} and built once for PostgreSQL ({@code kc.sh
 * build}), so that every later start is an optimized one (about 15 s here instead of 35 s with the build). A file
 * lock lets a local run and a test JVM prepare it at the same time.
 */
final class KeycloakDistribution {

    /** Options baked in by {@code build}; changing them makes a new directory, never a half-rebuilt one. */
    static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true", "--cache=local");

    private KeycloakDistribution() {
    }

    /** The distribution's home directory, unpacked and built. */
    static synchronized Path prepared() {
        Path zip = zip();
        String name = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "keycloak-").replace(".zip", "");
        Path cache = Path.of(System.getenv().getOrDefault("TIC_CACHE_DIR",
                Path.of(System.getProperty("user.home"), ".cache", "tic-platform").toString()));
        Path home = cache.resolve(name + "-" + Integer.toHexString(BUILD_OPTIONS.hashCode()));
        Path built = home.resolve(".tic-built");
        try {
            Files.createDirectories(cache);
            try (FileChannel lockFile = FileChannel.open(cache.resolve(name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.exists(built)) {
                    deleteRecursively(home);
                    unzip(zip, home);
                    build(home);
                    Files.writeString(built, String.join(" ", BUILD_OPTIONS) + "\n", StandardCharsets.UTF_8);
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Keycloak in " + home, e);
        }
    }

    /** The java command line the distribution's {@code kc.sh} would run (run directly: its PID is the server's). */
    static List<String> command(Path home, List<String> heap, List<String> arguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(heap);
        cmd.addAll(List.of("-XX:MaxMetaspaceSize=256m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8", "-Duser.language=en", "-Duser.country=US",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dkc.home.dir=" + home, "-Djboss.server.config.dir=" + home.resolve("conf"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dpicocli.disable.closures=true",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory=io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                "-cp", home.resolve("lib").resolve("quarkus-run.jar").toString(),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint"));
        cmd.addAll(arguments);
        return cmd;
    }

    private static Path zip() {
        String override = System.getenv("TIC_KEYCLOAK_ZIP");
        if (override != null && !override.isBlank()) {
            return Path.of(override.trim());
        }
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/org/tic/devinfra/keycloak.dist")) {
            if (in == null) {
                throw new IllegalStateException("dev-infra was built without keycloak.dist (run the Maven build)");
            }
            Path zip = Path.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            if (!Files.exists(zip)) {
                throw new IllegalStateException("Keycloak's distribution is not in the Maven repository: " + zip);
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unzip(Path zip, Path home) throws IOException {
        Path tmp = home.resolveSibling(home.getFileName() + ".unpacking");
        deleteRecursively(tmp);
        Files.createDirectories(tmp);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                // Strip the zip's top directory (keycloak-<version>/).
                String entry = e.getName().replaceFirst("^[^/]+/", "");
                if (entry.isEmpty()) {
                    continue;
                }
                Path target = tmp.resolve(entry).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("Zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void build(Path home) throws IOException {
        List<String> args = new ArrayList<>(List.of("build"));
        args.addAll(BUILD_OPTIONS);
        Path log = home.resolve("build.log");
        Process p = new ProcessBuilder(command(home, List.of("-Xmx512m"), args))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Building Keycloak failed, see " + log);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
