package org.tic.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.membership.Api.given;

/** Every record keeps its versions: who, when, what changed and why, readable in full or as of a date. */
@QuarkusTest
class HistoryTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void anOrganizationsCorrectionsKeepTheValuesTheyReplacedWithTheirReasonsAndOutliveItsDeletion() {
        String name = Api.unique("Eni UK");
        String id = Api.organization(name, "COMPANY");
        Map<String, Object> corrected = new LinkedHashMap<>(Map.of("name", name + " Ltd", "kind", "COMPANY", "country", "GB"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").header("X-Change-Reason", "Registered name")
                .body(corrected).put("/api/v1/organizations/" + id).then().statusCode(200);

        JsonPath h = given().get("/api/v1/organizations/" + id + "/history").then().statusCode(200)
                .body("recordType", equalTo("organization"))
                .body("revisions.size()", equalTo(2))
                .extract().jsonPath();
        assertEquals(name, h.getString("revisions[0].record.name"), "the value the correction replaced");
        assertEquals("tic.membership.organization.created.v1", h.getString("revisions[0].change"));
        assertEquals(List.of("name"), h.getList("revisions[1].changed"));
        assertEquals("Registered name", h.getString("revisions[1].reason"));
        assertEquals(name + " Ltd", h.getString("revisions[1].record.name"));
        assertEquals(1, h.getInt("revisions[1].version"));
        assertTrue(h.getString("revisions[1].recordedBy").startsWith("secretariat-"), "the writer's token subject");

        Api.anonymous().get("/api/v1/organizations/" + id + "/history").then().statusCode(200)
                .body("revisions[1].recordedBy", nullValue())
                .body("revisions[1].reason", equalTo("Registered name"));
        given().get("/api/v1/organizations/" + id + "/history?asOf=" + TODAY).then().statusCode(200)
                .body("asOf", equalTo(TODAY.toString()))
                .body("revisions.size()", equalTo(1))
                .body("revisions[0].revision", equalTo(2));
        given().get("/api/v1/organizations/" + id + "/history?asOf=" + TODAY.minusDays(1)).then().statusCode(404)
                .contentType("application/problem+json");

        given().header("If-Match", "\"1\"").delete("/api/v1/organizations/" + id).then().statusCode(204);
        given().get("/api/v1/organizations/" + id + "/history").then().statusCode(200)
                .body("revisions.size()", equalTo(3))
                .body("revisions[2].change", equalTo("tic.membership.organization.deleted.v1"))
                .body("revisions[2].record", nullValue());
        given().get("/api/v1/organizations/" + java.util.UUID.randomUUID() + "/history").then().statusCode(404);
    }

    @Test
    void aClustersStatusChangesAndItsPartiesHaveTheirHistories() {
        String cluster = Api.signatory(Api.unique("Teesside"), 2022);
        String org = Api.organization(Api.unique("Teesworks"), "COMPANY");
        String party = given().contentType(ContentType.JSON)
                .body(Map.of("organizationId", org, "role", "MEMBER", "since", "2024-01-01"))
                .post("/api/v1/clusters/" + cluster + "/parties").then().statusCode(201).extract().path("id");
        int version = given().get("/api/v1/clusters/" + cluster).then().extract().path("version");
        given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("reason", "Reporting overdue")).post("/api/v1/clusters/" + cluster + "/suspend")
                .then().statusCode(200);

        JsonPath h = given().get("/api/v1/clusters/" + cluster + "/history").then().statusCode(200).extract().jsonPath();
        List<String> changes = h.getList("revisions.change");
        assertEquals("tic.membership.cluster.registered.v1", changes.get(0));
        assertEquals("tic.membership.cluster.suspended.v1", changes.get(changes.size() - 1));
        assertEquals("Reporting overdue", h.getString("revisions[-1].reason"));
        assertEquals(List.of("status", "statusReason"), h.getList("revisions[-1].changed"));
        assertEquals("SIGNATORY", h.getString("revisions[-2].record.status"));

        String slug = h.getString("revisions[0].record.slug");
        given().get("/api/v1/clusters/" + slug + "/history").then().statusCode(200)
                .body("revisions.size()", equalTo(changes.size()));
        given().get("/api/v1/clusters/" + cluster + "/parties/" + party + "/history").then().statusCode(200)
                .body("recordType", equalTo("party"))
                .body("revisions[0].change", equalTo("tic.membership.cluster.party-added.v1"))
                .body("revisions[0].record.organizationId", equalTo(org))
                .body("revisions[0].recordedAt", notNullValue());
    }
}
