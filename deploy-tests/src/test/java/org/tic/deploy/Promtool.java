package org.tic.deploy;

import org.junit.jupiter.api.Assumptions;
import org.tic.devinfra.process.ExternalTool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Prometheus' promtool (Debian's package {@code prometheus}, which .ci/run installs), found through the
 * {@code PROMTOOL} environment variable, the {@code PATH} or /usr/bin. Without it the tests that need it are
 * skipped with a message, or fail when {@code CI} is set (as the kpi-service browser tests treat Chromium).
 */
final class Promtool {

    private final ExternalTool tool;

    private Promtool(Path binary) {
        this.tool = new ExternalTool(binary, Duration.ofSeconds(120));
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
        return ExternalTool.find(env, "PROMTOOL", "promtool", List.of(), List.of(Path.of("/usr/bin/promtool")));
    }

    /** Runs promtool with these arguments in a directory; stdout and stderr together. */
    ExternalTool.Result run(Path workingDir, List<String> args) {
        return tool.run(workingDir, args);
    }

    String version() {
        return run(Path.of("."), List.of("--version")).output().lines().findFirst().orElse("?");
    }
}
