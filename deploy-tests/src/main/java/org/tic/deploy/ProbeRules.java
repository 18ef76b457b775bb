package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Startup, readiness and liveness probes on the server's health endpoints, on a declared port, patient enough (rule probes). */
final class ProbeRules extends OverlayCheck {

    ProbeRules(Overlay overlay) {
        super(overlay);
    }

    void container(Manifest d, String where, JsonNode c, Map<String, String> expected, String healthName) {
        Set<String> portNames = new HashSet<>();
        Set<Integer> portNumbers = new HashSet<>();
        for (JsonNode p : c.path("ports")) {
            portNames.add(p.path("name").asText());
            portNumbers.add(p.path("containerPort").asInt());
        }
        for (var e : expected.entrySet()) {
            JsonNode probe = c.path(e.getKey());
            if (probe.isMissingNode() || probe.isNull()) {
                add("probes", d, where + " has no " + e.getKey());
                continue;
            }
            JsonNode http = probe.path("httpGet");
            if (!http.path("path").asText("").equals(e.getValue())) {
                add("probes", d, where + " " + e.getKey() + " must GET " + e.getValue() + " (" + healthName + "), not "
                        + (http.isMissingNode() ? "a non-HTTP check" : http.path("path").asText()));
            }
            JsonNode port = http.path("port");
            if (port.isTextual() ? !portNames.contains(port.asText()) : !portNumbers.contains(port.asInt())) {
                add("probes", d, where + " " + e.getKey() + " targets port " + port + ", which the container does not declare");
            }
            if (probe.path("timeoutSeconds").asInt(1) < 2) {
                add("probes", d, where + " " + e.getKey() + " timeoutSeconds below 2 s fails on a GC pause");
            }
        }
        JsonNode startup = c.path("startupProbe");
        if (startup.isObject()) {
            int budget = startup.path("periodSeconds").asInt(10) * startup.path("failureThreshold").asInt(3);
            if (budget < 60) {
                add("probes", d, where + " startupProbe allows only " + budget + " s; Flyway migrations waiting "
                        + "for another replica's lock need at least 60 s");
            }
        }
        JsonNode liveness = c.path("livenessProbe");
        if (liveness.isObject() && liveness.path("periodSeconds").asInt(10) * liveness.path("failureThreshold").asInt(3) < 20) {
            add("probes", d, where + " livenessProbe restarts the pod after less than 20 s of failures");
        }
    }
}
