package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A part of the checks on one rendered overlay, with the overlay's lookups and its violation list at hand. */
abstract class OverlayCheck {

    protected final Overlay overlay;
    protected final Path repoRoot;
    protected final boolean production;

    OverlayCheck(Overlay overlay) {
        this.overlay = overlay;
        this.repoRoot = overlay.repoRoot;
        this.production = overlay.production;
    }

    protected List<Manifest> of(String kind) {
        return overlay.of(kind);
    }

    protected Optional<Manifest> named(String kind, String name) {
        return overlay.named(kind, name);
    }

    protected Map<String, String> environment(JsonNode c) {
        return overlay.environment(c);
    }

    protected void add(String rule, Manifest m, String message) {
        overlay.add(rule, m, message);
    }
}
