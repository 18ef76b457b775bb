package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Every container has cpu and memory requests and limits, its requests within its limits (rule resources). */
final class ResourceRules extends OverlayCheck {

    ResourceRules(Overlay overlay) {
        super(overlay);
    }

    void pod(Manifest d, JsonNode pod) {
        if (pod.path("containers").isEmpty()) {
            add("resources", d, "has no container");
        }
    }

    void container(Manifest d, String where, JsonNode res) {
        for (String kind : List.of("requests", "limits")) {
            for (String r : List.of("cpu", "memory")) {
                if (res.path(kind).path(r).asText("").isBlank()) {
                    add("resources", d, where + " has no " + kind + "." + r);
                }
            }
        }
        for (String r : List.of("cpu", "memory")) {
            String req = res.path("requests").path(r).asText("");
            String lim = res.path("limits").path(r).asText("");
            if (!req.isBlank() && !lim.isBlank()) {
                try {
                    if (Quantities.parse(req).compareTo(Quantities.parse(lim)) > 0) {
                        add("resources", d, where + " requests more " + r + " (" + req + ") than its limit (" + lim + ")");
                    }
                } catch (IllegalArgumentException e) {
                    add("resources", d, where + ": " + e.getMessage());
                }
            }
        }
    }
}
