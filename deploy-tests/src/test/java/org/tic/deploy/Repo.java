package org.tic.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the repository under test. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("tic.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s"))) {
                return p;
            }
        }
        throw new IllegalStateException("No deploy/k8s above " + start);
    }

    static Path overlays() {
        return root().resolve("deploy/k8s/overlays");
    }

    /** Every overlay: each directory under deploy/k8s/overlays with a kustomization.yaml. */
    static List<Path> allOverlays() {
        return kustomizations(overlays());
    }

    static List<Path> kustomizations(Path parent) {
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<String> SERVICES = List.of("membership-service", "project-service", "kpi-service", "delivery-service");

    /** The real kubectl, or a failed test that says how to get one (never a skipped test). */
    static Kustomize kustomize() {
        return Kustomize.fromEnvironment();
    }

    static String report(List<Violation> violations) {
        StringBuilder sb = new StringBuilder(violations.size() + " violation(s):");
        violations.forEach(v -> sb.append("\n  ").append(v));
        return sb.toString();
    }
}
