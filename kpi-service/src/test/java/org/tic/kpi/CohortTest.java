package org.tic.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.kpi.Api.given;

/** Cohorts: the initiative broken down, and followed over time, by the year its clusters joined. */
@QuarkusTest
class CohortTest {

    private static final String POTENTIAL = "CO2E|POTENTIAL_REDUCTION|SCOPE_1_2";

    @BeforeEach
    void emptyReadModels() {
        Db.reset();
    }

    @Test
    void theBreakdownByCohortGroupsSignatoriesByTheYearTheyJoinedWithTheirFigures() {
        UUID a = Fixtures.signatory("Humber", "GB", 2021);
        UUID b = Fixtures.signatory("Rotterdam", "NL", 2021);
        UUID c = Fixtures.signatory("Kwinana", "AU", 2023);
        Fixtures.report(Fixtures.co2e(a, "10", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2024-03-01"));
        Fixtures.report(Fixtures.co2e(c, "4", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2024-03-01"));

        JsonPath cohorts = given().get("/api/v1/initiative/breakdowns?by=cohort").then().statusCode(200)
                .body("by", equalTo("cohort"))
                .body("note", containsString("years clusters joined"))
                .extract().jsonPath();
        assertEquals(List.of("2021", "2023"), cohorts.getList("groups.key"));
        assertEquals(List.of(2, 1), cohorts.getList("groups.clusters"));
        assertEquals(List.of("AU"), cohorts.getList("groups[1].countries"));
        assertEquals(10.0, cohorts.getDouble("groups[0].totals.find { it.key == '" + POTENTIAL + "' }.total"), 1e-9);
        assertEquals(1, cohorts.getInt("groups[0].totals.find { it.key == '" + POTENTIAL + "' }.coverage.reporting"));
        assertEquals(2, cohorts.getInt("groups[0].totals.find { it.key == '" + POTENTIAL + "' }.coverage.of"));

        // Counted from 1 January of their year (only the year is known): on 2022-06-30 the 2023 cohort is not there yet.
        given().get("/api/v1/initiative/breakdowns?by=cohort&asOf=2022-06-30").then().statusCode(200)
                .body("groups.key", equalTo(List.of("2021")));
        String csv = given().get("/api/v1/initiative/breakdowns?by=cohort&format=csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.startsWith("asOf,cohort,clusters,projects,key,"), csv);
        assertTrue(csv.contains(",2021,2,"), "a row of the 2021 cohort: " + csv);
    }

    @Test
    void theTimeSeriesByCohortSplitsEveryPointIntoItsCohorts() {
        Fixtures.signatory("Humber", "GB", 2021);
        Fixtures.signatory("Kwinana", "AU", 2023);
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        JsonPath ts = given().get("/api/v1/initiative/timeseries?from=2022-01-01&to=" + to + "&interval=year&by=cohort")
                .then().statusCode(200).body("by", equalTo("cohort")).extract().jsonPath();
        assertEquals("2022-01-01", ts.getString("points[0].asOf"));
        assertEquals(List.of("2021"), ts.getList("points[0].groups.key"));
        assertEquals(List.of("2021", "2023"), ts.getList("points[-1].groups.key"));
        assertEquals(List.of(1, 1), ts.getList("points[-1].groups.clusters"));
        assertEquals(2, ts.getInt("points[-1].signatoryClusters"));

        given().get("/api/v1/initiative/timeseries?interval=year").then().statusCode(200)
                .body("by", equalTo(null)).body("points[0].groups", equalTo(null));
        given().get("/api/v1/initiative/timeseries?by=planet").then().statusCode(400)
                .contentType("application/problem+json");
        String csv = given().get("/api/v1/initiative/timeseries?from=2024-01-01&interval=year&by=cohort&format=csv")
                .then().statusCode(200).extract().asString();
        assertEquals("asOf,cohort,clusters,key,label,unit,total,reporting,of", csv.lines().findFirst().orElseThrow());
    }
}
