package org.tic.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.kpi.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Initiative roll-ups over the real read models; each test starts from empty read models. */
@QuarkusTest
class InitiativeResourceTest {

    private static final String POTENTIAL = "CO2E|POTENTIAL_REDUCTION|SCOPE_1_2";
    private static final String EMITTED = "CO2E|EMITTED|SCOPE_1_2";
    private static final String JOBS = "JOBS|CREATED|DIRECT|OPERATION|HEADCOUNT";

    @BeforeEach
    void emptyReadModels() {
        Db.reset();
    }

    @Test
    void theSummaryCountsSignatoriesOnTheDateAndAddsNormalisedValuesWithCoverage() {
        UUID a = Fixtures.signatory("Humber", "GB", 2021);
        UUID b = Fixtures.signatory("HyNet", "GB", 2023);
        UUID c = Fixtures.signatory("Kwinana", "AU", 2024);
        UUID applicant = UUID.randomUUID();
        CloudEvents.send(Fixtures.MEMBERSHIP, applicant.toString(), "tic.membership.cluster.registered.v1", Map.of("cluster",
                CloudEvents.cluster(applicant, "Applicant", "ES", "EUROPE", "PORT", List.of(), "APPLICANT", null, null, null, 1)));
        Fixtures.awaitCluster(applicant, "APPLICANT");

        Fixtures.report(Fixtures.co2e(a, "10", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2024-03-01"));
        Fixtures.report(Fixtures.co2e(b, "4500", "KT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2024-03-01"));
        Fixtures.report(Fixtures.co2e(c, "8", "MT_CO2E_PER_YEAR", "EMITTED", "2025-01-22"));
        Fixtures.report(Fixtures.jobs(a, "1000", "2025-01-22"));

        JsonPath today = given().get("/api/v1/initiative/summary").then().statusCode(200)
                .body("basis", equalTo("CURRENT_VALUES"))
                .body("signatoryClusters", equalTo(3))
                .body("countries", equalTo(2))
                .body("countryCodes", contains("AU", "GB"))
                .body("signatoriesWithYearOnlyJoinDate", equalTo(3))
                .body("published.sourceUrl", notNullValue())
                .extract().jsonPath();
        assertTotal(today, POTENTIAL, "14.5", 2, 3);
        assertTotal(today, EMITTED, "8", 1, 3);
        assertTotal(today, JOBS, "1000", 1, 3);
        assertEquals("MT_CO2E_PER_YEAR", total(today, POTENTIAL).get("unit"));

        // Mid-2023: Humber and HyNet were signatories, no KPI had been reported yet; the published figure of January 2023 beside it.
        given().get("/api/v1/initiative/summary?asOf=2023-06-30").then().statusCode(200)
                .body("basis", equalTo("REPORT_HISTORY"))
                .body("signatoryClusters", equalTo(2))
                .body("countries", equalTo(1))
                .body("totals", hasSize(0))
                .body("published.asOf", equalTo("2023-01-19"))
                .body("published.clusters", equalTo(17))
                .body("published.co2eMetricType", equalTo("EMITTED"))
                .body("published.gap.clusters", equalTo(-15));
        JsonPath mid2024 = given().get("/api/v1/initiative/summary?asOf=2024-06-30").then().statusCode(200)
                .body("signatoryClusters", equalTo(3))
                .body("published.asOf", equalTo("2024-01-15"))
                .extract().jsonPath();
        assertTotal(mid2024, POTENTIAL, "14.5", 2, 3);
        assertEquals(1, mid2024.getList("totals").size(), "the emitted and jobs figures were reported later");

        given().get("/api/v1/initiative/summary?asOf=2020-12-31").then().body("signatoryClusters", equalTo(0))
                .body("published", nullValue());
        given().get("/api/v1/initiative/summary?asOf=" + LocalDate.now(ZoneOffset.UTC).plusDays(1)).then().statusCode(400);
        given().get("/api/v1/initiative/summary?asOf=2024-13-01").then().statusCode(400);
    }

    @Test
    void aCorrectionMovesTodaysTotalAndEarlierDatesKeepTheValueThatStoodThen() {
        UUID a = Fixtures.signatory("Basque", "ES", 2021);
        String id = Fixtures.report(Fixtures.co2e(a, "10", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2024-03-01"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("reason", "erratum", "report", Fixtures.co2e(a, "7", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2025-02-01")))
                .post("/api/v1/kpi-reports/" + id + "/corrections").then().statusCode(201);

        assertTotal(given().get("/api/v1/initiative/summary").then().extract().jsonPath(), POTENTIAL, "7", 1, 1);
        assertTotal(given().get("/api/v1/initiative/summary?asOf=2025-01-31").then().extract().jsonPath(), POTENTIAL, "10", 1, 1);

        JsonPath series = given().get("/api/v1/initiative/timeseries?from=2024-01-01&interval=quarter").then().statusCode(200)
                .body("interval", equalTo("quarter"))
                .body("points[0].asOf", equalTo("2024-01-01"))
                .body("points[0].totals", hasSize(0))
                .body("points[1].totals[0].total", equalTo(10))
                .extract().jsonPath();
        List<Map<String, Object>> points = series.getList("points");
        @SuppressWarnings("unchecked")
        Map<String, Object> last = points.get(points.size() - 1);
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), last.get("asOf"));
        List<Map<String, Object>> lastTotals = (List<Map<String, Object>>) last.get("totals");
        assertEquals(7, lastTotals.get(0).get("total"),
                "the history path agrees with the maintained current values today");

        given().get("/api/v1/initiative/timeseries?from=1990-01-01&interval=month").then().statusCode(400);
        given().get("/api/v1/initiative/timeseries?interval=week").then().statusCode(400);
        String csv = given().get("/api/v1/initiative/timeseries?from=2025-01-01&to=2025-03-01&format=csv")
                .then().statusCode(200).extract().asString();
        assertEquals("asOf,signatoryClusters,countries,key,label,unit,total,reporting,of", csv.lines().findFirst().orElseThrow());
        assertEquals(4, csv.lines().count(), csv);
    }

    @Test
    void mergedClustersAreNeverCountedTwiceAndASharedProjectCountsOnce() {
        UUID a = Fixtures.signatory("Cartagena Port", "CO", 2021);
        UUID b = Fixtures.signatory("Cartagena Industry", "CO", 2021);
        UUID c = Fixtures.signatory("Acu", "BR", 2022);
        Fixtures.report(Fixtures.co2e(a, "10", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2024-03-01"));
        Fixtures.report(Fixtures.co2e(b, "5", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2024-03-01"));
        UUID corridor = Fixtures.project("Green hydrogen corridor", "HYDROGEN_AND_DERIVATIVES", "FID", List.of(a, c));
        Map<String, Object> projectJobs = Fixtures.jobs(null, "300", "2025-01-22");
        projectJobs.remove("clusterId");
        projectJobs.put("projectId", corridor);
        Fixtures.report(projectJobs);

        UUID joint = UUID.randomUUID();
        CloudEvents.send(Fixtures.MEMBERSHIP, joint.toString(), "tic.membership.clusters.merged.v1", Map.of(
                "mergeId", UUID.randomUUID(),
                "successor", CloudEvents.cluster(joint, "Cartagena Joint Cluster", "CO", "LATIN_AMERICA_CARIBBEAN", "PORT",
                        List.of("shipping"), "SIGNATORY", "2025-06-01", 2025, null, 2),
                "predecessors", List.of(
                        CloudEvents.cluster(a, "Cartagena Port", "CO", "LATIN_AMERICA_CARIBBEAN", "PORT", List.of(), "MERGED", null, 2021, joint, 3),
                        CloudEvents.cluster(b, "Cartagena Industry", "CO", "LATIN_AMERICA_CARIBBEAN", "PORT", List.of(), "MERGED", null, 2021, joint, 3)),
                "effectiveDate", "2025-06-01", "reason", "one joint cluster"));
        Fixtures.awaitCluster(joint, "SIGNATORY");
        Fixtures.awaitCluster(b, "MERGED");

        // Before the merge: three signatories, both predecessors' values.
        JsonPath before = given().get("/api/v1/initiative/summary?asOf=2025-05-31").then()
                .body("signatoryClusters", equalTo(3)).extract().jsonPath();
        assertTotal(before, POTENTIAL, "15", 2, 3);
        assertTotal(before, JOBS, "300", 2, 3);

        // After: the joint cluster carries its predecessors' values, counted once; the corridor counts once.
        JsonPath after = given().get("/api/v1/initiative/summary").then()
                .body("signatoryClusters", equalTo(2)).extract().jsonPath();
        assertTotal(after, POTENTIAL, "15", 1, 2);
        assertEquals(2, total(after, POTENTIAL).get("inheritedFromMergedClusters"));
        assertTotal(after, JOBS, "300", 2, 2);
        assertEquals(1, total(after, JOBS).get("projectsCounted"));

        given().get("/api/v1/clusters/" + joint + "/kpis").then().statusCode(200)
                .body("countedInInitiativeTotals", equalTo(true))
                .body("figures[0].key", equalTo(POTENTIAL))
                .body("figures[0].value", equalTo(15))
                .body("figures[0].inheritedFrom", hasSize(2))
                .body("projects", hasSize(1))
                .body("projects[0].shared", equalTo(true))
                .body("projects[0].sharedWith", contains(c.toString()))
                .body("projects[0].value", equalTo(300));
        given().get("/api/v1/clusters/" + c + "/kpis").then()
                .body("projects[0].projectId", equalTo(corridor.toString()))
                .body("projects[0].sharedWith", contains(joint.toString()));

        // By country, the shared corridor shows in both groups (and once in the total).
        given().get("/api/v1/initiative/breakdowns?by=country").then().statusCode(200)
                .body("groups.key", contains("BR", "CO"))
                .body("groups[0].sharedProjects", equalTo(1))
                .body("groups[0].totals.find { it.key == '" + JOBS + "' }.total", equalTo(300))
                .body("groups[1].totals.find { it.key == '" + JOBS + "' }.total", equalTo(300))
                .body("groups[1].totals.find { it.key == '" + POTENTIAL + "' }.total", equalTo(15));

        // The joint cluster reports for itself after the merge: its value replaces its predecessors'.
        Fixtures.report(Fixtures.co2e(joint, "13", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2025-07-01"));
        JsonPath own = given().get("/api/v1/initiative/summary").then().extract().jsonPath();
        assertTotal(own, POTENTIAL, "13", 1, 2);
        assertEquals(0, total(own, POTENTIAL).get("inheritedFromMergedClusters"));
        given().get("/api/v1/clusters/" + a + "/kpis").then()
                .body("countedInInitiativeTotals", equalTo(false))
                .body("mergedInto", equalTo(joint.toString()))
                .body("figures[0].value", equalTo(10));
    }

    @Test
    void aClusterFigureCoversItsProjectsAndCategoryBreakdownsUseProjectReports() {
        UUID a = Fixtures.signatory("Rotterdam", "NL", 2025);
        UUID p = Fixtures.project("Porthos CCS", "CO2_TRANSPORT_STORAGE", "FID", List.of(a));
        UUID q = Fixtures.project("Electrolyser", "HYDROGEN_AND_DERIVATIVES", "FEED", List.of(a));
        Fixtures.report(Fixtures.co2e(a, "20", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2025-03-01"));
        for (UUID project : List.of(p, q)) {
            Map<String, Object> r = Fixtures.co2e(null, "2.5", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2025-03-01");
            r.remove("clusterId");
            r.put("projectId", project);
            Fixtures.report(r);
        }
        JsonPath s = given().get("/api/v1/initiative/summary").then().extract().jsonPath();
        assertTotal(s, POTENTIAL, "20", 1, 1);
        assertEquals(2, total(s, POTENTIAL).get("projectsCoveredByClusterFigures"));

        given().get("/api/v1/initiative/breakdowns?by=projectCategory").then().statusCode(200)
                .body("groups.key", contains("CO2_TRANSPORT_STORAGE", "HYDROGEN_AND_DERIVATIVES"))
                .body("groups[0].totals[0].total", equalTo(2.5f))
                .body("groups[0].totals[0].coverage.counted", equalTo("PROJECTS"));
        given().get("/api/v1/initiative/breakdowns?by=stage").then().statusCode(200)
                .body("groups.key", contains("FEED", "FID"));
        given().get("/api/v1/initiative/breakdowns?by=sector").then().statusCode(200).body("groups.key", contains("chemicals"));
        given().get("/api/v1/initiative/breakdowns?by=worldRegion").then().statusCode(200).body("groups.key", contains("EUROPE"));
        given().get("/api/v1/initiative/breakdowns?by=clusterType").then().statusCode(200)
                .body("groups.key", contains("INDUSTRIAL_COMPLEX"));
        given().get("/api/v1/initiative/breakdowns?by=colour").then().statusCode(400);
        given().get("/api/v1/initiative/breakdowns").then().statusCode(400);

        String csv = given().get("/api/v1/initiative/summary?format=csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv")).extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().startsWith("asOf,signatoryClusters,countries,key,label,unit,total"));
        assertTrue(csv.contains(POTENTIAL + ",") && csv.contains(",20,"), csv);
        given().get("/api/v1/initiative/breakdowns?by=country&format=csv").then().statusCode(200);
    }

    @Test
    void thePipelineCountsProjectsByStageAndCategory() {
        UUID a = Fixtures.signatory("HyNet North West", "GB", 2021);
        Fixtures.project("Liverpool Bay CCS", "CO2_TRANSPORT_STORAGE", "FID", List.of(a));
        Fixtures.project("HPP1", "HYDROGEN_AND_DERIVATIVES", "FID", List.of(a));
        Fixtures.project("Padeswood", "CO2_CAPTURE", "FEED", List.of(a));
        given().get("/api/v1/initiative/pipeline").then().statusCode(200)
                .body("projects", equalTo(3))
                .body("reachedFid", equalTo(2))
                .body("stages.stage", contains("FEED", "FID"))
                .body("stages[1].projects", equalTo(2))
                .body("stages[1].byCategory.CO2_TRANSPORT_STORAGE", equalTo(1))
                .body("stages[1].capacity[0].unit", equalTo("MT_CO2_PER_YEAR"))
                .body("stages[1].capacity[0].total", equalTo(3))
                .body("stages[1].co2e[0].metricType", equalTo("POTENTIAL_REDUCTION"))
                .body("stages[1].co2e[0].total", equalTo(2.4f))
                .body("byCategory.CO2_CAPTURE.FEED", equalTo(1));
    }

    @Test
    void thePublishedFiguresAreStoredWithTheirSourceAndWording() {
        given().get("/api/v1/initiative/published").then().statusCode(200)
                .body("", hasSize(6))
                .body("[0].asOf", equalTo("2021-11-03"))
                .body("[0].clusters", equalTo(4))
                .body("[2].co2eMetricType", equalTo("EMITTED"))
                .body("[4].asOf", equalTo("2025-01-22"))
                .body("[4].clusters", equalTo(33))
                .body("[4].co2eMetricType", equalTo("POTENTIAL_REDUCTION"))
                .body("[4].sourceUrl", equalTo("https://miragenews.com/33-global-clusters-pledge-growth-jobs-emissions-1395019"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> total(JsonPath summary, String key) {
        List<Map<String, Object>> totals = summary.getList("totals");
        return totals.stream().filter(t -> key.equals(t.get("key")))
                .findFirst().orElseThrow(() -> new AssertionError("no total " + key + " in " + summary.prettify()));
    }

    @SuppressWarnings("unchecked")
    private static void assertTotal(JsonPath summary, String key, String expected, int reporting, int of) {
        Map<String, Object> t = total(summary, key);
        assertEquals(0, new java.math.BigDecimal(expected).compareTo(new java.math.BigDecimal(String.valueOf(t.get("total")))),
                key + ": " + t);
        Map<String, Object> coverage = (Map<String, Object>) t.get("coverage");
        assertEquals(reporting, coverage.get("reporting"), key + " coverage: " + t);
        assertEquals(of, coverage.get("of"), key + " coverage: " + t);
    }
}
