package org.tic.contract;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Spectral CLI ({@code @stoplight/spectral-cli}, which .ci/run installs into {@code .ci/node}), found through the
 * {@code SPECTRAL} environment variable, else {@code .ci/node/node_modules/.bin/spectral} under the repository root,
 * else the {@code PATH}. Without it the lint is skipped with a message, or fails when {@code CI} is set (as the
 * promtool tests of deploy-tests and the kpi-service browser tests do).
 */
final class Spectral {

    static final String INSTALL = "npm install --prefix .ci/node --no-audit --no-fund @stoplight/spectral-cli@6.16.3";

    record Result(int exitCode, String output) {
    }

    private final Path binary;

    private Spectral(Path binary) {
        this.binary = binary;
    }

    /** Spectral, or a skipped test (a failed one when CI is set) that says how to get it. */
    static Spectral require(Path root) {
        Optional<Path> found = find(System.getenv(), root);
        if (found.isEmpty()) {
            String message = "spectral not found (looked at $SPECTRAL if set, else " + root.relativize(local(root))
                    + ", else $PATH): the API contract lint needs it. Install it from the repository root with `"
                    + INSTALL + "` (Node.js 18.18 or 20.17+), or point SPECTRAL at a spectral binary.";
            if (System.getenv("CI") != null) {
                fail(message + " (CI is set, so this fails instead of skipping)");
            }
            Assumptions.abort(message + " Skipping.");
        }
        return new Spectral(found.get());
    }

    static Optional<Path> find(Map<String, String> env, Path root) {
        String explicit = env.get("SPECTRAL");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(local(root));
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "spectral"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static Path local(Path root) {
        return root.resolve(".ci/node/node_modules/.bin/spectral");
    }

    /** Runs spectral with these arguments in a directory; stdout and stderr together. */
    Result run(Path workingDir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        try {
            Path out = Files.createTempFile("spectral-", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(workingDir.toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!process.waitFor(180, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " took over 180 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    String version() {
        return run(Path.of("."), List.of("--version")).output().strip();
    }
}
