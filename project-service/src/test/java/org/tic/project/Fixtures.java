package org.tic.project;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.project.Api.given;

/** Request bodies and calls shared by the REST tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A minimal valid project body. */
    public static Map<String, Object> project(String name, UUID lead, UUID... participating) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("category", "CO2_TRANSPORT_STORAGE");
        body.put("leadClusterId", lead.toString());
        List<String> others = new ArrayList<>();
        for (UUID p : participating) {
            others.add(p.toString());
        }
        body.put("participatingClusterIds", others);
        return body;
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    public static ValidatableResponse put(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    public static String create(Map<String, Object> body) {
        return post("/api/v1/projects", body).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse transition(String projectId, String to, String date, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("date", date);
        if (extra != null) {
            body.putAll(extra);
        }
        return post("/api/v1/projects/" + projectId + "/stage-transitions", body);
    }

    public static Map<String, Object> evidence(String description) {
        return Map.of("description", description, "url", "https://example.org/evidence");
    }

    /** Completes the whole readiness checklist (offtake as not applicable, with a reason). */
    public static void completeReadiness(String projectId) {
        for (String item : List.of("BUSINESS_MODEL", "FEED_COMPLETE", "EPC_TERMS", "PERMITS_ROADMAP", "SPONSOR_EQUITY", "FINANCIAL_MODEL")) {
            put("/api/v1/projects/" + projectId + "/readiness/" + item,
                    Map.of("status", "COMPLETE", "evidence", List.of(evidence(item + " done")))).statusCode(200);
        }
        put("/api/v1/projects/" + projectId + "/readiness/OFFTAKE_AGREEMENTS",
                Map.of("status", "NOT_APPLICABLE", "note", "Regulated asset base: revenue from the allowed return, no offtake"))
                .statusCode(200);
    }
}
