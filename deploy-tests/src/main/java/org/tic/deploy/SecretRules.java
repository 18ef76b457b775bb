package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/** No secret values in the manifests, and every ConfigMap a Deployment references rendered (rule secrets). */
final class SecretRules extends OverlayCheck {

    SecretRules(Overlay overlay) {
        super(overlay);
    }

    void values(Manifest m) {
        if (m.kind().equals("Secret") && (m.tree().has("data") || m.tree().has("stringData"))) {
            add("secrets", m, "a Secret with values is in the manifests; create it out of band (deploy/README.md)");
        }
    }

    void volume(Manifest d, JsonNode v) {
        String cm = v.path("configMap").path("name").asText(null);
        if (cm != null && named("ConfigMap", cm).isEmpty()) {
            add("secrets", d, "volume " + v.path("name").asText() + " references ConfigMap " + cm + ", not in the manifests");
        }
    }

    void container(Manifest d, String where, JsonNode c) {
        for (JsonNode from : c.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText(null);
            if (cm != null && !from.path("configMapRef").path("optional").asBoolean(false) && named("ConfigMap", cm).isEmpty()) {
                add("secrets", d, where + " takes its environment from ConfigMap " + cm + ", which is not in the manifests");
            }
        }
        for (JsonNode env : c.path("env")) {
            JsonNode value = env.get("value");
            if (value != null && env.path("name").asText().matches("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|JAAS).*")) {
                add("secrets", d, where + " sets " + env.path("name").asText() + " as a literal: take it from a Secret");
            }
        }
    }
}
