package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One rendered overlay under check: its manifests, where the modules live, whether it is production, the violations found. */
final class Overlay {

    final Path repoRoot;
    final boolean production;
    private final List<Manifest> all;
    private final List<Violation> violations = new ArrayList<>();

    Overlay(Path repoRoot, boolean production, List<Manifest> manifests) {
        this.repoRoot = repoRoot;
        this.production = production;
        this.all = manifests;
    }

    List<Manifest> of(String kind) {
        return all.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    Optional<Manifest> named(String kind, String name) {
        return all.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
    }

    /** The container's environment: ConfigMaps of envFrom, then env (later wins), secrets as "(secret)". */
    Map<String, String> environment(JsonNode c) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode from : c.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText(null);
            if (cm != null) {
                named("ConfigMap", cm).ifPresent(m -> m.tree().path("data").properties()
                        .forEach(e -> env.put(e.getKey(), e.getValue().asText())));
            }
        }
        for (JsonNode e : c.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.get("value").asText() : "(secret)");
        }
        return env;
    }

    void add(String rule, Manifest m, String message) {
        violations.add(new Violation(rule, m.id(), message));
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> list.add(n.asText()));
        }
        return list;
    }

    static String app(Manifest d) {
        return d.podLabels().getOrDefault("app", d.name());
    }

    /** The container named like the Deployment's app, or the first one. */
    static JsonNode mainContainer(Manifest d) {
        JsonNode containers = d.spec().path("template").path("spec").path("containers");
        for (JsonNode c : containers) {
            if (c.path("name").asText().equals(app(d))) {
                return c;
            }
        }
        return containers.path(0);
    }

    /** The Secret an env variable of the container is taken from by name (valueFrom.secretKeyRef), or null. */
    static String secretRef(JsonNode c, String variable) {
        for (JsonNode e : c.path("env")) {
            if (e.path("name").asText().equals(variable)) {
                return e.path("valueFrom").path("secretKeyRef").path("name").asText(null);
            }
        }
        return null;
    }
}
