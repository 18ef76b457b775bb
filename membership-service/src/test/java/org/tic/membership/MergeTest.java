package org.tic.membership;

import org.tic.devinfra.testing.EventProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.tic.membership.Api.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoClustersBecomeANewJointClusterWithTheirParties() throws Exception {
        String a = Api.signatory(Api.unique("Cartagena Port"), 2023);
        String b = Api.signatory(Api.unique("Cartagena Valley"), 2024);
        String orgA = Api.organization(Api.unique("Port Co"), "COMPANY");
        String orgB = Api.organization(Api.unique("Valley Co"), "COMPANY");
        given().contentType(ContentType.JSON).body(Map.of("organizationId", orgA, "role", "MEMBER")).post("/api/v1/clusters/" + a + "/parties").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("organizationId", orgB, "role", "MEMBER")).post("/api/v1/clusters/" + b + "/parties").then().statusCode(201);

        try (EventProbe probe = new EventProbe("membership.events")) {
            Map<String, Object> request = Map.of("predecessorIds", List.of(a, b),
                    "newCluster", Api.clusterBody(Api.unique("Cartagena Joint Cluster")),
                    "effectiveDate", "2025-03-01", "reason", "Partners agreed one joint governance");
            String successor = given().contentType(ContentType.JSON).body(request).post("/api/v1/clusters/merges")
                    .then().statusCode(201)
                    .body("predecessorIds", containsInAnyOrder(a, b))
                    .body("successor.status", equalTo("SIGNATORY"))
                    .body("successor.joinedDate", equalTo("2025-03-01"))
                    .extract().path("successor.id");

            for (String p : List.of(a, b)) {
                given().get("/api/v1/clusters/" + p).then().body("status", equalTo("MERGED")).body("successorId", equalTo(successor));
                given().get("/api/v1/clusters/" + p + "/parties").then().body("", hasSize(0));
                given().queryParam("includeEnded", true).get("/api/v1/clusters/" + p + "/parties").then()
                        .body("[0].until", equalTo("2025-03-01"));
            }
            given().get("/api/v1/clusters/" + successor + "/parties").then().body("organizationId", containsInAnyOrder(orgA, orgB));

            var merged = probe.awaitKey(successor, 1).stream()
                    .filter(r -> "tic.membership.clusters.merged.v1".equals(EventProbe.header(r, "ce_type"))).findFirst();
            if (merged.isEmpty()) {
                merged = probe.awaitRecords(rs -> rs.stream().anyMatch(r -> "tic.membership.clusters.merged.v1".equals(EventProbe.header(r, "ce_type"))
                        && successor.equals(r.key())), java.time.Duration.ofSeconds(60)).stream()
                        .filter(r -> "tic.membership.clusters.merged.v1".equals(EventProbe.header(r, "ce_type")) && successor.equals(r.key()))
                        .findFirst();
            }
            JsonNode data = JSON.readTree(merged.orElseThrow().value());
            assertEquals(successor, data.path("successor").path("id").asText());
            assertEquals(2, data.path("predecessors").size());
            data.path("predecessors").forEach(p -> {
                assertEquals("MERGED", p.path("status").asText());
                assertEquals(successor, p.path("successorId").asText());
            });
        }
        // merged clusters cannot merge again
        given().contentType(ContentType.JSON).body(Map.of("predecessorIds", List.of(a), "successorClusterId", b))
                .post("/api/v1/clusters/merges").then().statusCode(409);
    }

    @Test
    void aClusterCanAbsorbAnotherAndAMergeNeedsTwoClusters() {
        String big = Api.signatory(Api.unique("Absorber"), 2022);
        String small = Api.signatory(Api.unique("Absorbed"), 2023);
        given().contentType(ContentType.JSON).body(Map.of("predecessorIds", List.of(big), "successorClusterId", big))
                .post("/api/v1/clusters/merges").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("predecessorIds", List.of(small)))
                .post("/api/v1/clusters/merges").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("predecessorIds", List.of(small), "successorClusterId", big))
                .post("/api/v1/clusters/merges").then().statusCode(201);
        given().get("/api/v1/clusters/" + small).then().body("status", equalTo("MERGED")).body("successorId", equalTo(big));
        given().get("/api/v1/clusters/" + big).then().body("status", equalTo("SIGNATORY"));
    }
}
