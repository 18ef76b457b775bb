package org.tic.deploy;

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

/**
 * Renders a Kustomize directory with {@code kubectl kustomize}, offline. kubectl is found through the
 * {@code KUBECTL} environment variable or the {@code PATH}; without it rendering fails with a message that
 * says how to get it (CI machines have it).
 */
public final class Kustomize {

    private final Path kubectl;

    private Kustomize(Path kubectl) {
        this.kubectl = kubectl;
    }

    /** Finds kubectl in the environment of this process. */
    public static Kustomize fromEnvironment() {
        return locate(System.getenv());
    }

    /** Finds kubectl given these environment variables ({@code KUBECTL}, then {@code PATH}). */
    public static Kustomize locate(Map<String, String> env) {
        return new Kustomize(find(env).orElseThrow(() -> new IllegalStateException(
                "kubectl not found (looked at $KUBECTL and every directory of $PATH="
                        + env.getOrDefault("PATH", "") + "). The deployment tests render deploy/k8s with "
                        + "'kubectl kustomize' (offline, no cluster needed): install kubectl 1.27 or later "
                        + "(e.g. the Debian/Ubuntu package 'kubectl' or the binary from the Kubernetes release) "
                        + "or point KUBECTL at it.")));
    }

    static Optional<Path> find(Map<String, String> env) {
        String explicit = env.get("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public Path kubectl() {
        return kubectl;
    }

    /** The rendered multi-document YAML of a Kustomize directory. */
    public String render(Path kustomizationDir) {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "kustomize", kustomizationDir.toString()));
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + kustomizationDir + " took over 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new KustomizeException("kubectl kustomize " + kustomizationDir + " failed (exit "
                            + process.exitValue() + "): " + Files.readString(err, StandardCharsets.UTF_8).strip());
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering " + kustomizationDir, e);
        }
    }

    /** kubectl ran and refused the kustomization (a broken overlay, not a missing tool). */
    public static final class KustomizeException extends RuntimeException {
        public KustomizeException(String message) {
            super(message);
        }
    }
}
