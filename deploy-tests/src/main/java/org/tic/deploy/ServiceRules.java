package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.tic.deploy.Selectors.selects;

/** Deployments and Services find each other: selectors that match, target ports the containers declare (rule service). */
final class ServiceRules extends OverlayCheck {

    ServiceRules(Overlay overlay) {
        super(overlay);
    }

    void ownSelector(Manifest d, Map<String, String> podLabels) {
        Map<String, String> selector = Manifest.stringMap(d.spec().path("selector").path("matchLabels"));
        if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
            add("service", d, "spec.selector.matchLabels " + selector + " does not select its own pod template " + podLabels);
        }
    }

    void selected(Manifest d, Map<String, String> podLabels) {
        if (of("Service").stream().noneMatch(s -> selects(s.spec().path("selector"), podLabels, true))) {
            add("service", d, "no Service selects its pods");
        }
    }

    void check(Manifest s) {
        Map<String, String> selector = Manifest.stringMap(s.spec().path("selector"));
        List<Manifest> targets = of("Deployment").stream().filter(d -> selects(s.spec().path("selector"), d.podLabels(), true)).toList();
        if (selector.isEmpty() || targets.isEmpty()) {
            add("service", s, "selector " + selector + " matches no Deployment's pods");
            return;
        }
        for (JsonNode port : s.spec().path("ports")) {
            JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
            for (Manifest d : targets) {
                boolean found = false;
                for (JsonNode c : d.spec().path("template").path("spec").path("containers")) {
                    for (JsonNode cp : c.path("ports")) {
                        found |= target.isTextual() ? cp.path("name").asText().equals(target.asText())
                                : cp.path("containerPort").asInt() == target.asInt();
                    }
                }
                if (!found) {
                    add("service", s, "targetPort " + target + " is not a port of " + d.id());
                }
            }
        }
    }
}
