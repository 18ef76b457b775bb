package org.tic.contract;

import org.junit.jupiter.api.Assumptions;
import org.tic.devinfra.process.ExternalTool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Spectral CLI ({@code @stoplight/spectral-cli}, which .ci/run installs into {@code .ci/node}), found through the
 * {@code SPECTRAL} environment variable, else {@code .ci/node/node_modules/.bin/spectral} under the repository root,
 * else the {@code PATH}. Without it the lint is skipped with a message, or fails when {@code CI} is set (as the
 * promtool tests of deploy-tests and the kpi-service browser tests do).
 */
final class Spectral {

    static final String INSTALL = "npm install --prefix .ci/node --no-audit --no-fund @stoplight/spectral-cli@6.16.3";

    private final ExternalTool tool;

    private Spectral(Path binary) {
        this.tool = new ExternalTool(binary, Duration.ofSeconds(180));
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
        return ExternalTool.find(env, "SPECTRAL", "spectral", List.of(local(root)), List.of());
    }

    private static Path local(Path root) {
        return root.resolve(".ci/node/node_modules/.bin/spectral");
    }

    /** Runs spectral with these arguments in a directory; stdout and stderr together. */
    ExternalTool.Result run(Path workingDir, List<String> args) {
        return tool.run(workingDir, args);
    }

    String version() {
        return run(Path.of("."), List.of("--version")).output().strip();
    }
}
