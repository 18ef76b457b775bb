package org.tic.kpi;

import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void readinessCoversTheDatabaseAndTheConsumersAndLivenessIsUp() {
        Api.anonymous().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Messaging")));
        Api.anonymous().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theApiIsDescribed() {
        Api.anonymous().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/initiative/summary"))
                .body(containsString("/api/v1/kpi-imports/template"))
                .body(containsString("/api/v1/clusters/{id}/kpis"));
    }

    /** The bearer scheme is documented, and exactly the writes and the private import reads require it. */
    @Test
    void theOpenApiDocumentsTheSecuritySchemeAndWhichOperationsNeedAToken() throws Exception {
        JsonNode api = new ObjectMapper().readTree(Api.anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        JsonNode schemes = api.path("components").path("securitySchemes");
        assertEquals(1, schemes.size(), schemes.toString());
        JsonNode scheme = schemes.elements().next();
        assertEquals("http", scheme.path("type").asText(), scheme.toString());
        assertEquals("bearer", scheme.path("scheme").asText().toLowerCase());
        assertTrue(scheme.path("description").asText().contains("cluster-coordinator"), scheme.toString());
        Set<String> secured = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (var path : api.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode security = op.getValue().path("security");
                if (security.isArray() && !security.isEmpty()) {
                    secured.add(name);
                    JsonNode responses = op.getValue().path("responses");
                    if (!responses.has("401") || !responses.has("403")) {
                        problems.add(name + " needs a token but does not document 401 and 403");
                    }
                    if (!op.getValue().path("description").asText("").contains("ecretariat")) {
                        problems.add(name + " does not say who may call it");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(new TreeSet<>(List.of("GET /api/v1/kpi-imports", "GET /api/v1/kpi-imports/{id}",
                "GET /api/v1/kpi-imports/{id}/errors", "POST /api/v1/kpi-imports", "POST /api/v1/kpi-reports",
                "POST /api/v1/kpi-reports/{id}/corrections")), secured);
    }
}
