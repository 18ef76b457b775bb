package org.tic.membership;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.tic.devinfra.testing.TestTokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small builders for test data, through the API only (as the secretariat, with a real signed token). */
final class Api {

    static final String SECRETARIAT = TestTokens.secretariat();

    private Api() {
    }

    /** A request as the secretariat. */
    static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + SECRETARIAT);
    }

    /** A request without a token. */
    static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    static RequestSpecification as(String token) {
        return token == null ? RestAssured.given() : RestAssured.given().header("Authorization", "Bearer " + token);
    }

    static String organization(String name, String kind) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", kind, "country", "GB"))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> clusterBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("country", "GB");
        body.put("worldRegion", "EUROPE");
        body.put("type", "INDUSTRIAL_COMPLEX");
        body.put("sectors", List.of("Chemicals", "hydrogen"));
        return body;
    }

    static String cluster(String name) {
        return given().contentType(ContentType.JSON).body(clusterBody(name))
                .post("/api/v1/clusters").then().statusCode(201).extract().path("id");
    }

    /** A registered cluster made a signatory (as an existing member). */
    static String signatory(String name, int year) {
        String id = cluster(name);
        given().contentType(ContentType.JSON).body(Map.of("joinedYear", year))
                .post("/api/v1/clusters/" + id + "/existing-membership").then().statusCode(200);
        return id;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> eligibleApplication(String clusterId, List<String> orgIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clusterId", clusterId);
        body.put("statement", Map.of("text", "We commit to net zero by 2050 while growing jobs",
                "signatories", List.of(Map.of("name", "Jane Doe", "title", "Chair", "organization", "Cluster Board")),
                "signedOn", "2025-05-01"));
        body.put("declaredParties", orgIds.stream().map(id -> Map.of("organizationId", id, "role", "MEMBER")).toList());
        body.put("co2ePotential", Map.of("kind", "REDUCTION", "value", 2.5, "unit", "MT_CO2E", "period", "per year by 2035",
                "method", "sum of member project estimates", "baseYear", 2020, "targetYear", 2035));
        body.put("justTransition", Map.of("jobsProtectedPlan", "Reskill 1,200 refinery workers",
                "localValue", "Local supplier programme"));
        return body;
    }
}
