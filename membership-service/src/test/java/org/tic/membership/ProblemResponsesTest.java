package org.tic.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.tic.membership.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input gets a clear 4xx problem+json and changes nothing; never a 500. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void validationNamesTheFields() {
        given().contentType(ContentType.JSON).body(Map.of("name", "", "kind", "COMPANY", "country", "XX"))
                .post("/api/v1/organizations").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:tic:problem:validation-failed"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("country"))
                .body("instance", equalTo("/api/v1/organizations"));
    }

    @Test
    void malformedAndMistypedJson() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", ").post("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM).body("title", equalTo("Malformed request body"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "kind", "SPACESHIP"))
                .post("/api/v1/organizations").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("kind"))
                .body("detail", containsString("COMPANY"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "kind", "COMPANY", "colour", "green"))
                .post("/api/v1/organizations").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("colour"));
        given().contentType(ContentType.JSON).body("[1,2,3]").post("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("").post("/api/v1/organizations")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void wrongMediaTypeMethodAndPath() {
        given().contentType(ContentType.XML).body("<a/>").post("/api/v1/organizations")
                .then().statusCode(415).contentType(PROBLEM);
        given().delete("/api/v1/organizations").then().statusCode(405).contentType(PROBLEM);
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/organizations/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badQueryParameters() {
        given().queryParam("size", 100000).get("/api/v1/clusters").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("size"));
        given().queryParam("page", -1).get("/api/v1/clusters").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("page", "abc").get("/api/v1/clusters").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("status", "NOPE").get("/api/v1/clusters").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("sort", "password").get("/api/v1/clusters").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("sort"));
        given().queryParam("joinedAfter", "yesterday").get("/api/v1/clusters").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String huge = "x".repeat(1_200_000);
        given().contentType(ContentType.JSON).body("{\"name\":\"" + huge + "\",\"kind\":\"COMPANY\"}")
                .post("/api/v1/organizations").then().statusCode(413).contentType(PROBLEM)
                .body("maxBytes", equalTo(1048576));
    }

    @Test
    void hostileStringsAreStoredAsData() {
        String sql = "Robert'); DROP TABLE organization;--";
        String id = given().contentType(ContentType.JSON).body(Map.of("name", sql, "kind", "NGO"))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        given().get("/api/v1/organizations/" + id).then().body("name", equalTo(sql));
        given().queryParam("q", "%_\\").get("/api/v1/organizations").then().statusCode(200);
    }
}
