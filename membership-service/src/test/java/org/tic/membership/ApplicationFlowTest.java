package org.tic.membership;

import org.tic.devinfra.testing.EventProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.tic.membership.Api.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new cluster applies: drafted, checked, refused while a criterion fails, submitted, reviewed, approved. */
@QuarkusTest
class ApplicationFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anApplicationGoesFromDraftToSignatoryAndEveryStepIsAnEvent() throws Exception {
        String c1 = Api.organization(Api.unique("Refinery Co"), "COMPANY");
        String c2 = Api.organization(Api.unique("Chemicals Co"), "COMPANY");
        String gov = Api.organization(Api.unique("Regional Government"), "GOVERNMENT_BODY");
        String port = Api.organization(Api.unique("Port Authority"), "PORT_AUTHORITY");
        String clusterId = Api.cluster(Api.unique("Teesside Test Cluster"));

        try (EventProbe probe = new EventProbe("membership.events")) {
            // A draft with only two companies and a port: eligible on everything but the party rule.
            Map<String, Object> draft = Api.eligibleApplication(clusterId, List.of(c1, c2, port));
            String appId = given().contentType(ContentType.JSON).body(draft).post("/api/v1/applications")
                    .then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");

            given().get("/api/v1/applications/" + appId + "/eligibility").then().statusCode(200)
                    .body("eligible", equalTo(false))
                    .body("criteria", hasSize(4))
                    .body("criteria.find { it.criterion == 'PARTIES' }.met", equalTo(false))
                    .body("criteria.find { it.criterion == 'SIGNED_STATEMENT' }.met", equalTo(true));

            given().post("/api/v1/applications/" + appId + "/submit").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:tic:problem:criteria-not-met"))
                    .body("failedCriteria.criterion", containsInAnyOrder("PARTIES"));
            given().get("/api/v1/applications/" + appId).then().body("status", equalTo("DRAFT"));

            // Approving a draft is an illegal move, whatever its content.
            given().contentType(ContentType.JSON).post("/api/v1/applications/" + appId + "/approve").then().statusCode(409);

            // Add the government body: two companies and one government body meet the rule.
            draft.put("declaredParties", List.of(Map.of("organizationId", c1, "role", "COORDINATOR"),
                    Map.of("organizationId", c2, "role", "MEMBER"), Map.of("organizationId", gov, "role", "GOVERNMENT_PARTNER"),
                    Map.of("organizationId", port, "role", "PORT_AUTHORITY")));
            String etag = given().get("/api/v1/applications/" + appId).then().extract().header("ETag");
            given().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(draft)
                    .put("/api/v1/applications/" + appId).then().statusCode(412);
            given().contentType(ContentType.JSON).header("If-Match", etag).body(draft)
                    .put("/api/v1/applications/" + appId).then().statusCode(200);

            given().post("/api/v1/applications/" + appId + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
            given().contentType(ContentType.JSON).body(draft).put("/api/v1/applications/" + appId).then().statusCode(409);
            given().post("/api/v1/applications/" + appId + "/review").then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
            given().contentType(ContentType.JSON).body(Map.of("reason", "All criteria met", "effectiveDate", "2025-06-10"))
                    .post("/api/v1/applications/" + appId + "/approve").then().statusCode(200)
                    .body("status", equalTo("APPROVED"));
            given().contentType(ContentType.JSON).body(Map.of("reason", "changed our mind"))
                    .post("/api/v1/applications/" + appId + "/withdraw").then().statusCode(409);

            given().get("/api/v1/clusters/" + clusterId).then().statusCode(200)
                    .body("status", equalTo("SIGNATORY"))
                    .body("joinedDate", equalTo("2025-06-10"))
                    .body("joinedYear", equalTo(2025));
            given().get("/api/v1/clusters/" + clusterId + "/parties").then().statusCode(200)
                    .body("", hasSize(4))
                    .body("organizationId", hasItem(gov));
            given().get("/api/v1/clusters/" + clusterId + "/status-history").then().statusCode(200)
                    .body("toStatus", equalTo(List.of("APPLICANT", "SIGNATORY")));

            List<ConsumerRecord<String, String>> appEvents = probe.awaitKey(appId, 3);
            assertEquals(List.of("tic.membership.application.submitted.v1", "tic.membership.application.review-started.v1",
                    "tic.membership.application.approved.v1"), appEvents.stream().map(r -> EventProbe.header(r, "ce_type")).toList());
            List<ConsumerRecord<String, String>> clusterEvents = probe.awaitKey(clusterId, 5);
            List<String> types = clusterEvents.stream().map(r -> EventProbe.header(r, "ce_type")).toList();
            assertEquals(4, types.stream().filter("tic.membership.cluster.party-added.v1"::equals).count(), types.toString());
            ConsumerRecord<String, String> joined = clusterEvents.stream()
                    .filter(r -> "tic.membership.cluster.joined.v1".equals(EventProbe.header(r, "ce_type"))).findFirst().orElseThrow();
            var data = JSON.readTree(joined.value());
            assertEquals("SIGNATORY", data.path("cluster").path("status").asText());
            assertEquals(appId, data.path("applicationId").asText());
            // Snapshots carry non-decreasing versions (events of one transaction may share one), so consumers can
            // ignore stale ones; the last one is the cluster's current version.
            long previous = -1;
            for (ConsumerRecord<String, String> r : clusterEvents) {
                long v = JSON.readTree(r.value()).path("cluster").path("version").asLong();
                assertTrue(v >= previous, "versions must not decrease: " + v + " after " + previous);
                previous = v;
            }
            long current = given().get("/api/v1/clusters/" + clusterId).then().extract().jsonPath().getLong("version");
            assertEquals(current, previous);
        }
    }

    @Test
    void onlyApplicantsApplyAndOnlyOneOpenApplicationAtATime() {
        String member = Api.signatory(Api.unique("Already Member"), 2022);
        given().contentType(ContentType.JSON).body(Map.of("clusterId", member)).post("/api/v1/applications").then().statusCode(409);

        String applicant = Api.cluster(Api.unique("Applicant"));
        given().contentType(ContentType.JSON).body(Map.of("clusterId", applicant)).post("/api/v1/applications").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("clusterId", applicant)).post("/api/v1/applications").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("clusterId", java.util.UUID.randomUUID().toString()))
                .post("/api/v1/applications").then().statusCode(404);
    }

    @Test
    void rejectingAndWithdrawingNeedAReason() {
        String applicant = Api.cluster(Api.unique("Rejected Applicant"));
        List<String> orgs = List.of(Api.organization(Api.unique("A"), "COMPANY"), Api.organization(Api.unique("B"), "COMPANY"),
                Api.organization(Api.unique("C"), "COMPANY"));
        String appId = given().contentType(ContentType.JSON).body(Api.eligibleApplication(applicant, orgs))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().post("/api/v1/applications/" + appId + "/submit").then().statusCode(200);
        given().post("/api/v1/applications/" + appId + "/review").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/applications/" + appId + "/reject")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Statement not signed by the members' boards"))
                .post("/api/v1/applications/" + appId + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        given().get("/api/v1/clusters/" + applicant).then().body("status", equalTo("APPLICANT"));
    }
}
