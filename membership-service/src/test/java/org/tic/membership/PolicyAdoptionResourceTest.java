package org.tic.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.tic.membership.Api.given;

/** A policy adoption names the clusters (of its country) and projects it concerns; bad scopes change nothing. */
@QuarkusTest
class PolicyAdoptionResourceTest {

    @Test
    void anAdoptionNamesItsCountrysClustersAndProjectsOnceEach() {
        String cluster = Api.cluster(Api.unique("Humber"));
        String project = UUID.randomUUID().toString();
        Map<String, Object> body = policy(List.of(cluster, cluster), List.of(project));
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/policy-adoptions")
                .then().statusCode(201)
                .body("clusterIds", equalTo(List.of(cluster)))
                .body("projectIds", equalTo(List.of(project)))
                .extract().path("id");
        given().get("/api/v1/policy-adoptions/" + id).then().statusCode(200).body("clusterIds", hasItem(cluster));

        body.remove("projectIds");
        given().contentType(ContentType.JSON).body(body).put("/api/v1/policy-adoptions/" + id)
                .then().statusCode(200).body("projectIds", equalTo(List.of())).body("version", equalTo(1));
        // the correction keeps the value it replaced
        given().get("/api/v1/policy-adoptions/" + id + "/history").then().statusCode(200)
                .body("recordType", equalTo("policy-adoption"))
                .body("revisions.size()", equalTo(2))
                .body("revisions[0].record.projectIds", equalTo(List.of(project)))
                .body("revisions[1].changed", equalTo(List.of("projectIds")));
    }

    @Test
    void aClusterAbroadIsRefusedByTheRuleAndAnUnknownOneAsInvalidAndNeitherIsRecorded() {
        Map<String, Object> foreign = new LinkedHashMap<>(Api.clusterBody(Api.unique("Rotterdam")));
        foreign.put("country", "NL");
        String abroad = given().contentType(ContentType.JSON).body(foreign).post("/api/v1/clusters")
                .then().statusCode(201).extract().path("id");
        String title = Api.unique("Industrial decarbonization policy");

        Map<String, Object> body = policy(List.of(abroad), List.of());
        body.put("title", title);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/policy-adoptions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:policy-cluster-country"))
                .body("clusterIds", equalTo(List.of(abroad)));

        String unknown = UUID.randomUUID().toString();
        body.put("clusterIds", List.of(unknown));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/policy-adoptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("clusterIds"));

        given().queryParam("country", "GB").queryParam("size", 200).get("/api/v1/policy-adoptions")
                .then().statusCode(200).body("items.findAll { it.title == '" + title + "' }.size()", equalTo(0));
    }

    private static Map<String, Object> policy(List<String> clusters, List<String> projects) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", "GB");
        body.put("title", Api.unique("Industrial Decarbonisation Strategy"));
        body.put("kind", "NATIONAL_AGENDA");
        body.put("adoptedOn", "2025-03-01");
        body.put("clusterIds", clusters);
        body.put("projectIds", projects);
        return body;
    }
}
