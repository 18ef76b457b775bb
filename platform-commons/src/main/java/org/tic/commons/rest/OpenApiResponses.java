package org.tic.commons.rest;

import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answers of an operation in status order. Every build-time OpenAPI filter that adds an answer calls this, so the
 * stored document is the same whichever order Quarkus runs the filters in (api-contract-tests compares it byte for
 * byte with the committed one; without it a 304 and a 429 swapped places between two builds).
 */
public final class OpenApiResponses {

    private OpenApiResponses() {
    }

    public static void inStatusOrder(APIResponses responses) {
        if (responses == null || responses.getAPIResponses() == null || responses.getAPIResponses().size() < 2) {
            return;
        }
        Map<String, APIResponse> sorted = new LinkedHashMap<>(new TreeMap<>(responses.getAPIResponses()));
        responses.setAPIResponses(sorted);
    }
}
