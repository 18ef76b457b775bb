package org.tic.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.tic.membership.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class ClusterResourceTest {

    @Test
    void registerReadBySlugAndRefuseADuplicateSlug() {
        String name = Api.unique("Net-Zero Basque Industrial Super Cluster");
        String id = given().contentType(ContentType.JSON).body(Api.clusterBody(name)).post("/api/v1/clusters")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", "\"0\"")
                .body("status", equalTo("APPLICANT"))
                .body("sectors", equalTo(List.of("chemicals", "hydrogen")))
                .extract().path("id");
        String slug = given().get("/api/v1/clusters/" + id).then().statusCode(200).extract().path("slug");
        assertEquals(name.toLowerCase().replaceAll("[^a-z0-9]+", "-"), slug);
        given().get("/api/v1/clusters/" + slug).then().statusCode(200).body("id", equalTo(id));

        given().contentType(ContentType.JSON).body(Api.clusterBody(name)).post("/api/v1/clusters")
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/clusters/no-such-cluster").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listTotalsAreCountedOncePerFilterAndExactOnRequest() {
        String token = "Totals" + UUID.randomUUID().toString().substring(0, 8);
        IntStream.range(0, 3).forEach(i -> Api.cluster(token + " cluster " + i));
        given().get("/api/v1/clusters?q=" + token + "&size=2").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("totalItemsExact", equalTo(true));
        Api.cluster(token + " cluster 3");
        // the next pages reuse the count (no count(*) per page): an estimate, and says so
        given().get("/api/v1/clusters?q=" + token + "&size=2").then()
                .body("totalItems", equalTo(3)).body("totalItemsExact", equalTo(false)).body("totalPages", equalTo(2));
        given().get("/api/v1/clusters?q=" + token + "&size=2&count=exact").then()
                .body("totalItems", equalTo(4)).body("totalItemsExact", equalTo(true));
        // the last page tells the total without counting
        given().get("/api/v1/clusters?q=" + token + "&size=3&page=1").then()
                .body("items", hasSize(1)).body("totalItems", equalTo(4)).body("totalItemsExact", equalTo(true));
        given().get("/api/v1/clusters?count=roughly").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("count"));
    }

    @Test
    void updatesUseIfMatchAndTheSlugNeverChanges() {
        String id = Api.cluster(Api.unique("Kwinana"));
        Map<String, Object> body = Api.clusterBody("Kwinana Industrial Area");
        body.put("country", "AU");
        body.put("worldRegion", "ASIA_PACIFIC");
        String etag = given().get("/api/v1/clusters/" + id).then().extract().header("ETag");
        String next = given().contentType(ContentType.JSON).header("If-Match", etag).body(body).put("/api/v1/clusters/" + id)
                .then().statusCode(200).body("country", equalTo("AU")).extract().header("ETag");
        assertNotEquals(etag, next);
        // a second writer still holding the old version loses, and changes nothing
        body.put("country", "NZ");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body).put("/api/v1/clusters/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().get("/api/v1/clusters/" + id).then().body("country", equalTo("AU"));

        body.put("slug", "another-slug");
        given().contentType(ContentType.JSON).body(body).put("/api/v1/clusters/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("slug"));
    }

    @Test
    void listFiltersSortsAndPages() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        IntStream.range(0, 5).forEach(i -> {
            Map<String, Object> body = Api.clusterBody("Paging " + tag + " " + i);
            body.put("country", i % 2 == 0 ? "JP" : "IN");
            body.put("worldRegion", "ASIA_PACIFIC");
            body.put("type", "PORT");
            given().contentType(ContentType.JSON).body(body).post("/api/v1/clusters").then().statusCode(201);
        });
        given().queryParam("q", "paging " + tag).queryParam("sort", "-name").queryParam("size", 2).queryParam("page", 0)
                .get("/api/v1/clusters").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].name", equalTo("Paging " + tag + " 4"))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(3));
        given().queryParam("q", "paging " + tag).queryParam("sort", "-name").queryParam("size", 2).queryParam("page", 2)
                .get("/api/v1/clusters").then().body("items", hasSize(1)).body("items[0].name", equalTo("Paging " + tag + " 0"));
        given().queryParam("q", "paging " + tag).queryParam("country", "JP").queryParam("type", "PORT")
                .queryParam("sector", "Hydrogen").get("/api/v1/clusters").then()
                .body("totalItems", equalTo(3)).body("items.country", everyItem(equalTo("JP")));
        given().queryParam("status", "SIGNATORY").queryParam("q", "paging " + tag).get("/api/v1/clusters").then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void joinedBeforeAndAfterUseTheYearWhenTheDateIsUnknown() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Api.signatory("Joined " + tag + " 2021", 2021);
        Api.signatory("Joined " + tag + " 2024", 2024);
        given().queryParam("q", "joined " + tag).queryParam("joinedBefore", "2022-06-30").get("/api/v1/clusters").then()
                .body("items.name", equalTo(List.of("Joined " + tag + " 2021")));
        given().queryParam("q", "joined " + tag).queryParam("joinedAfter", "2023-01-01").get("/api/v1/clusters").then()
                .body("items.name", equalTo(List.of("Joined " + tag + " 2024")));
    }

    @Test
    void statusActionsFollowTheLifecycleAndKeepHistory() {
        String id = Api.signatory(Api.unique("Status"), 2023);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Restructuring", "effectiveDate", "2025-02-01"))
                .post("/api/v1/clusters/" + id + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/clusters/" + id + "/suspend").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/clusters/" + id + "/reinstate").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Back on track"))
                .post("/api/v1/clusters/" + id + "/reinstate").then().statusCode(200).body("status", equalTo("SIGNATORY"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Left the initiative"))
                .post("/api/v1/clusters/" + id + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Try to come back"))
                .post("/api/v1/clusters/" + id + "/reinstate").then().statusCode(409);
        given().get("/api/v1/clusters/" + id + "/status-history").then().statusCode(200)
                .body("toStatus", equalTo(List.of("APPLICANT", "SIGNATORY", "SUSPENDED", "SIGNATORY", "WITHDRAWN")))
                .body("[2].effectiveDate", equalTo("2025-02-01"))
                .body("[2].reason", equalTo("Restructuring"));
    }

    @Test
    void partiesAreAddedOnceAndEndedWithADate() {
        String cluster = Api.cluster(Api.unique("Parties"));
        String org = Api.organization(Api.unique("Member Co"), "COMPANY");
        String partyId = given().contentType(ContentType.JSON).body(Map.of("organizationId", org, "role", "MEMBER", "since", "2024-01-01"))
                .post("/api/v1/clusters/" + cluster + "/parties").then().statusCode(201)
                .body("organizationKind", equalTo("COMPANY")).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("organizationId", org, "role", "MEMBER"))
                .post("/api/v1/clusters/" + cluster + "/parties").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("organizationId", UUID.randomUUID(), "role", "MEMBER"))
                .post("/api/v1/clusters/" + cluster + "/parties").then().statusCode(400);
        given().queryParam("until", "2023-01-01").delete("/api/v1/clusters/" + cluster + "/parties/" + partyId).then().statusCode(400);
        given().queryParam("until", "2025-06-30").delete("/api/v1/clusters/" + cluster + "/parties/" + partyId).then().statusCode(204);
        given().get("/api/v1/clusters/" + cluster + "/parties").then().body("", hasSize(0));
        given().queryParam("includeEnded", true).get("/api/v1/clusters/" + cluster + "/parties").then()
                .body("", hasSize(1)).body("[0].until", equalTo("2025-06-30"));
        // an organization in use cannot be deleted
        given().delete("/api/v1/organizations/" + org).then().statusCode(409).contentType("application/problem+json");
    }
}
