package org.tic.kpi;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tic.kpi.Api.given;

/**
 * The policy level in the numbers: policy events from membership.events become adopting countries "as of" their
 * adoption date in the summary and in the country breakdown, a correction moves them, a stale snapshot does not.
 */
@QuarkusTest
class PolicyLevelTest {

    private static final String ADOPTED = "tic.membership.policy.adopted.v1";
    private static final String UPDATED = "tic.membership.policy.updated.v1";

    @BeforeEach
    void emptyReadModels() {
        Db.reset();
    }

    @Test
    void adoptingCountriesCountFromTheirAdoptionDateInTheSummaryAndTheCountryBreakdown() {
        UUID humber = Fixtures.signatory("Humber", "GB", 2021);
        UUID gb = UUID.randomUUID();
        UUID my = UUID.randomUUID();
        UUID br = UUID.randomUUID();
        adopt(ADOPTED, gb, "GB", "TIC_FRAMEWORK", "2024-04-01", List.of(humber), 0);
        adopt(ADOPTED, my, "MY", "NATIONAL_AGENDA", "2025-06-01", List.of(), 0);
        adopt(ADOPTED, br, "BR", "RELATED_POLICY", "2024-01-01", List.of(), 0);
        awaitAdoptions(3);

        given().get("/api/v1/initiative/summary?asOf=2024-03-31").then().statusCode(200)
                .body("policy.adoptingCountries", equalTo(0))
                .body("policy.adoptingCountryCodes", empty())
                .body("policy.adoptions", equalTo(1));
        given().get("/api/v1/initiative/summary?asOf=2024-04-01").then().statusCode(200)
                .body("policy.adoptingCountryCodes", contains("GB"));
        given().get("/api/v1/initiative/summary").then().statusCode(200)
                .body("signatoryClusters", equalTo(1))
                .body("policy.adoptingCountries", equalTo(2))
                .body("policy.adoptingCountryCodes", contains("GB", "MY"))
                .body("policy.adoptions", equalTo(3));

        JsonPath byCountry = given().get("/api/v1/initiative/breakdowns?by=country").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("GB", "MY"), byCountry.getList("groups.key"),
                "GB with its cluster, MY adopting without signatories yet; BR has only a related policy");
        assertEquals(true, byCountry.getBoolean("groups[0].policy.adopted"));
        assertEquals("2024-04-01", byCountry.getString("groups[0].policy.adoptedSince"));
        assertEquals(List.of(humber.toString()), byCountry.getList("groups[0].policy.adoptions[0].clusterIds"));
        assertEquals(0, byCountry.getInt("groups[1].clusters"));
        assertEquals(List.of(), byCountry.getList("groups[1].totals"));

        given().get("/api/v1/initiative/breakdowns?by=country&asOf=2024-03-31").then().statusCode(200)
                .body("groups.key", contains("GB"))
                .body("groups[0].policy.adopted", equalTo(false))
                .body("groups[0].policy.adoptedSince", nullValue());
        given().get("/api/v1/initiative/breakdowns?by=sector").then().statusCode(200)
                .body("groups[0].policy", nullValue());
    }

    @Test
    void aCorrectionMovesTheAdoptionDateAndAStaleSnapshotChangesNothing() {
        UUID id = UUID.randomUUID();
        adopt(ADOPTED, id, "ZA", "TIC_FRAMEWORK", "2025-01-15", List.of(), 0);
        awaitAdoptions(1);
        given().get("/api/v1/initiative/summary?asOf=2025-02-01").then().body("policy.adoptingCountryCodes", contains("ZA"));

        adopt(UPDATED, id, "ZA", "TIC_FRAMEWORK", "2025-03-01", List.of(), 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().get("/api/v1/initiative/summary?asOf=2025-02-01").path("policy.adoptingCountries").equals(0));

        adopt(UPDATED, id, "ZA", "TIC_FRAMEWORK", "2024-01-01", List.of(), 0); // an older snapshot, arriving late
        UUID marker = UUID.randomUUID();
        adopt(ADOPTED, marker, "ZA", "RELATED_POLICY", "2020-01-01", List.of(), 0); // keyed alike: processed after it
        awaitAdoptions(2);
        given().get("/api/v1/initiative/summary?asOf=2025-02-01").then()
                .body("policy.adoptingCountries", equalTo(0))
                .body("policy.adoptions", equalTo(1));
        given().get("/api/v1/initiative/summary?asOf=2025-03-01").then().body("policy.adoptingCountryCodes", contains("ZA"));
    }

    private static void adopt(String type, UUID id, String country, String kind, String adoptedOn, List<UUID> clusters,
                              long version) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id.toString());
        p.put("country", country);
        p.put("governmentBody", "Government of " + country);
        p.put("title", kind + " in " + country);
        p.put("kind", kind);
        p.put("adoptedOn", adoptedOn);
        p.put("clusterIds", clusters.stream().map(UUID::toString).toList());
        p.put("projectIds", List.of());
        p.put("version", version);
        p.put("createdAt", "2025-01-01T00:00:00Z");
        p.put("updatedAt", "2025-01-01T00:00:00Z");
        // keyed by country, so one test's events stay in order on one partition
        CloudEvents.send(Fixtures.MEMBERSHIP, country, type, Map.of("policyAdoption", p));
    }

    private static void awaitAdoptions(int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                Db.count("select count(*) from policy_adoption_record") == count);
    }
}
