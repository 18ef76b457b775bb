package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.tic.deploy.Overlay.texts;

/** Kubernetes label selectors: matchLabels, matchExpressions, and a Service's plain map. */
final class Selectors {

    private Selectors() {
    }

    static boolean selects(JsonNode labelSelector, Map<String, String> labels) {
        return selects(labelSelector.path("matchLabels"), labels, false)
                && expressions(labelSelector.path("matchExpressions"), labels);
    }

    /** A plain map selector (Service) or matchLabels; an empty selector selects everything unless strict. */
    static boolean selects(JsonNode matchLabels, Map<String, String> labels, boolean emptySelectsNothing) {
        Map<String, String> wanted = Manifest.stringMap(matchLabels);
        if (wanted.isEmpty()) {
            return !emptySelectsNothing;
        }
        return labels.entrySet().containsAll(wanted.entrySet());
    }

    static boolean expressions(JsonNode exprs, Map<String, String> labels) {
        for (JsonNode e : exprs) {
            String value = labels.get(e.path("key").asText());
            List<String> values = texts(e.path("values"));
            boolean ok = switch (e.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
