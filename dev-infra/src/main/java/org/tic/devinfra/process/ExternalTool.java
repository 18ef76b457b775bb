package org.tic.devinfra.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the tests run but do not ship (promtool, Spectral): where it is, and one bounded run of it with
 * stdout and stderr together. Whether a missing tool skips or fails a test is the caller's business.
 */
public final class ExternalTool {

    public record Result(int exitCode, String output) {
    }

    private final Path binary;
    private final Duration timeout;

    public ExternalTool(Path binary, Duration timeout) {
        this.binary = binary;
        this.timeout = timeout;
    }

    /**
     * The executable named by {@code envVar} if set (and only then), else the first executable among {@code before},
     * the {@code PATH} entries holding {@code name}, and {@code after}.
     */
    public static Optional<Path> find(Map<String, String> env, String envVar, String name, List<Path> before, List<Path> after) {
        String explicit = env.get(envVar);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>(before);
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, name));
            }
        }
        candidates.addAll(after);
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    public Result run(Path workingDir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        try {
            Path out = Files.createTempFile(binary.getFileName() + "-", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(workingDir.toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " took over " + timeout.toSeconds() + " s");
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
}
