package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What every answer to a hostile request must look like: never a 5xx; a 4xx as RFC 9457 problem+json. */
public final class ProblemChecker {

    private ProblemChecker() {
    }

    /** Violations of one answer (empty when it is fine). */
    public static List<String> check(RawHttp.Response r) {
        return check("GET", r);
    }

    /** A HEAD answer has no body by definition: only its status is checked. */
    public static List<String> check(String method, RawHttp.Response r) {
        List<String> out = new ArrayList<>();
        if (r.failure() != null) {
            out.add("no answer: " + r.failure() + " after " + r.millis() + " ms");
            return out;
        }
        if (r.status() >= 500 && !identityProviderAbsent(r)) {
            out.add("HTTP " + r.status() + " " + excerpt(r.body()));
            return out;
        }
        if (r.status() >= 400 && !"HEAD".equals(method)) {
            String ct = r.contentType();
            if (ct == null || !ct.toLowerCase().startsWith("application/problem+json")) {
                out.add("HTTP " + r.status() + " with Content-Type " + ct + " (not application/problem+json): " + excerpt(r.body()));
                return out;
            }
            JsonNode body;
            try {
                body = Http.JSON.readTree(r.body() == null ? "" : r.body());
            } catch (IOException e) {
                out.add("HTTP " + r.status() + " problem body is not JSON: " + excerpt(r.body()));
                return out;
            }
            if (body == null || !body.isObject()) {
                out.add("HTTP " + r.status() + " problem body is not a JSON object: " + excerpt(r.body()));
                return out;
            }
            if (!body.path("type").isTextual() || body.path("type").asText().isBlank()) {
                out.add("HTTP " + r.status() + " problem without type: " + excerpt(r.body()));
            }
            if (!body.path("title").isTextual() || body.path("title").asText().isBlank()) {
                out.add("HTTP " + r.status() + " problem without title: " + excerpt(r.body()));
            }
            if (!body.path("status").isInt() || body.path("status").asInt() != r.status()) {
                out.add("HTTP " + r.status() + " problem status is " + body.path("status") + ": " + excerpt(r.body()));
            }
        }
        return out;
    }

    static String excerpt(String body) {
        if (body == null) {
            return "(no body)";
        }
        String b = body.replaceAll("\\s+", " ");
        return b.length() > 240 ? b.substring(0, 240) + "…" : b;
    }

    /**
     * The harnesses run without an identity provider: membership-service then answers its partner API-client writes
     * with the documented 503 identity-provider-unavailable problem (checked below like any problem), not a failure.
     */
    static boolean identityProviderAbsent(RawHttp.Response r) {
        return r.status() == 503 && r.body() != null && r.body().contains("\"urn:tic:problem:identity-provider-unavailable\"");
    }
}
