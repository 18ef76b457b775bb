package org.tic.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health tells the truth (database and the Kafka consumer for readiness), the API is documented, metrics are exposed. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessCoversTheDatabaseAndTheConsumer() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theApiAndMetricsArePublished() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/projects/{id}/stage-transitions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/corridors"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/stages"));
        given().get("/api/v1/stages").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tic_outbox_pending"))
                .body(containsString("http_server_requests"))
                .body(containsString("http_server_requests_seconds_bucket")); // latency buckets for the p99 alert
    }

    /** Anonymous calls: the documentation, health and metrics need no token. */
    @Test
    void theOpenApiDocumentsTheSecuritySchemeAndWhoMayCallEachOperation() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        JsonNode schemes = api.path("components").path("securitySchemes");
        assertEquals(1, schemes.size(), schemes.toString());
        JsonNode scheme = schemes.elements().next();
        assertEquals("http", scheme.path("type").asText(), scheme.toString());
        assertEquals("JWT", scheme.path("bearerFormat").asText(), scheme.toString());
        assertEquals("bearer", scheme.path("scheme").asText().toLowerCase());
        assertTrue(scheme.path("description").asText().contains("cluster-coordinator"), scheme.toString());
        List<String> problems = new ArrayList<>();
        int writes = 0;
        for (var path : api.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (var op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode tooMany = op.getValue().path("responses").path("429");
                if (!tooMany.path("content").has("application/problem+json") || !tooMany.path("headers").has("Retry-After")
                        || !tooMany.path("headers").has("RateLimit")) {
                    problems.add(name + ": documents the rate limit's 429 problem+json with Retry-After and RateLimit");
                }
                String description = op.getValue().path("description").asText("");
                boolean secured = op.getValue().path("security").isArray() && !op.getValue().path("security").isEmpty();
                if (op.getKey().equals("get")) {
                    if (!description.startsWith("Public") || secured) {
                        problems.add(name + ": a read says it is public and needs no token");
                    }
                } else {
                    writes++;
                    if (!description.startsWith("Role: ") || !secured || !op.getValue().path("responses").has("401")
                            || !op.getValue().path("responses").has("403")) {
                        problems.add(name + ": a write names its role, requires the bearer scheme and documents 401/403");
                    }
                }
            }
        }
        assertEquals(5, writes);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
