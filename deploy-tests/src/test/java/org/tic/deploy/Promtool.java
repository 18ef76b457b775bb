package org.tic.deploy;

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
 * Prometheus' promtool (Debian's package {@code prometheus}, which .ci/run installs), found through the
 * {@code PROMTOOL} environment variable, the {@code PATH} or /usr/bin. Without it the tests that need it are
 * skipped with a message, or fail when {@code CI} is set (as the kpi-service browser tests treat Chromium).
 */
final class Promtool {

    record Result(int exitCode, String output) {
    }

    private final Path binary;

    private Promtool(Path binary) {
        this.binary = binary;
    }

    /** promtool, or a skipped test (a failed one when CI is set) that says how to get it. */
    static Promtool require() {
        Optional<Path> found = find(System.getenv());
        if (found.isEmpty()) {
            String message = "promtool not found (looked at $PROMTOOL if set, else $PATH and /usr/bin/promtool): the alert unit "
                    + "tests and the dashboard's query check need it. Install it with `apt-get install -y prometheus` "
                    + "(Debian), or point PROMTOOL at a promtool binary.";
            if (System.getenv("CI") != null) {
                fail(message + " (CI is set, so this fails instead of skipping)");
            }
            Assumptions.abort(message + " Skipping.");
        }
        return new Promtool(found.get());
    }

    static Optional<Path> find(Map<String, String> env) {
        String explicit = env.get("PROMTOOL");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "promtool"));
            }
        }
        candidates.add(Path.of("/usr/bin/promtool"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Runs promtool with these arguments in a directory; stdout and stderr together. */
    Result run(Path workingDir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        try {
            Path out = Files.createTempFile("promtool-", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(workingDir.toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " took over 120 s");
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
        return run(Path.of("."), List.of("--version")).output().lines().findFirst().orElse("?");
    }
}
