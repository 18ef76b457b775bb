package org.tic.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a Kustomize overlay with kubectl and validates every object: schema ({@link SchemaValidator}) and
 * our rules ({@link PolicyRules}). Overlays whose directory name starts with "prod" get the production rules.
 */
public final class OverlayValidator {

    private final Path repoRoot;
    private final Kustomize kustomize;
    private final SchemaValidator schema = new SchemaValidator();

    public OverlayValidator(Path repoRoot, Kustomize kustomize) {
        this.repoRoot = repoRoot;
        this.kustomize = kustomize;
    }

    public record Result(Path overlay, List<Manifest> manifests, List<Violation> violations) {
    }

    public static boolean isProduction(Path overlay) {
        return overlay.getFileName().toString().startsWith("prod");
    }

    public Result validate(Path overlay) {
        return validate(overlay, isProduction(overlay));
    }

    public Result validate(Path overlay, boolean production) {
        List<Manifest> manifests = Manifest.parseAll(kustomize.render(overlay));
        List<Violation> violations = new ArrayList<>(schema.validate(manifests));
        violations.addAll(new PolicyRules(repoRoot, production).check(manifests));
        return new Result(overlay, manifests, violations);
    }
}
