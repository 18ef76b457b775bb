package org.tic.kpi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoints added for dashboards (cluster list, cluster projects, data version) and the ETag / 304 behaviour. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardApiTest {

    private static final String CLUSTERS = "/api/v1/initiative/clusters";
    private DashboardTestData data;

    @BeforeEach
    void publishDataOnce() {
        if (data == null) {
            data = DashboardTestData.load();
        }
    }

    @Test
    void theClusterListPagesSortsAndFiltersWithTheStatusOnTheDate() {
        // Today: the 23 signatories by default sort (name), 10 per page; the applicant has its own status.
        given().get(CLUSTERS + "?status=SIGNATORY&size=10").then().statusCode(200)
                .body("totalItems", equalTo(23))
                .body("totalPages", equalTo(3))
                .body("items", hasSize(10))
                .body("items.counted", everyItem(equalTo(true)))
                .body("items[0].name", equalTo("Acu Port Complex"));
        given().get(CLUSTERS + "?size=200").then().body("totalItems", equalTo(24));
        given().get(CLUSTERS + "?status=applicant").then().body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(data.applicant.toString()))
                .body("items[0].counted", equalTo(false))
                .body("items[0].currentStatus", equalTo("APPLICANT"));

        List<String> names = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            names.addAll(given().get(CLUSTERS + "?status=SIGNATORY&size=10&sort=-name&page=" + page).then().statusCode(200)
                    .extract().jsonPath().getList("items.name", String.class));
        }
        List<String> expected = data.clusters.stream().map(DashboardTestData.Cluster::name)
                .sorted(Comparator.comparing((String n) -> n.toLowerCase()).reversed()).toList();
        assertEquals(expected, names, "pages in descending name order, no duplicates or gaps");

        // As of mid-2022: only the 2021 and 2022 joiners existed (as signatories).
        given().get(CLUSTERS + "?asOf=2022-06-30&sort=-signatorySince,name").then().statusCode(200)
                .body("totalItems", equalTo(8))
                .body("items[0].signatorySince", equalTo("2022-01-01"))
                .body("items[0].statusOrigin", equalTo("JOINED_YEAR"))
                .body("items.status", everyItem(equalTo("SIGNATORY")));

        // Filters: name or slug, country, region, type; the project count.
        given().get(CLUSTERS + "?q=HYNET").then().body("totalItems", equalTo(1))
                .body("items[0].projects", equalTo(2))
                .body("items[0].sectors", hasSize(2));
        given().get(CLUSTERS + "?country=au&sort=name").then().body("items.name",
                equalTo(List.of("Gladstone Hydrogen Hub", "Kwinana Industries", "Tasmania Green Hydrogen Hub")));
        given().get(CLUSTERS + "?worldRegion=AFRICA&type=PORT").then().body("items.name", equalTo(List.of("Nelson Mandela Bay")));
        given().get(CLUSTERS + "?q=%25_").then().statusCode(200).body("totalItems", equalTo(0));
        given().get(CLUSTERS + "?sort=projects&status=SIGNATORY&size=200").then().statusCode(200)
                .body("items[22].projects", equalTo(2));

        given().get(CLUSTERS + "?sort=password").then().statusCode(400).body("detail", containsString("allowed: name"));
        given().get(CLUSTERS + "?size=0").then().statusCode(400);
        given().get(CLUSTERS + "?asOf=" + LocalDate.now(ZoneOffset.UTC).plusDays(2)).then().statusCode(400);
    }

    @Test
    void aClustersProjectsListStagesAndRoles() {
        UUID hynet = data.clusters.get(1).id();
        given().get(CLUSTERS + "/" + hynet + "/projects").then().statusCode(200)
                .body("name", equalTo(List.of("Humber Hydrogen Pipeline", "HyNet Capture Plant")))
                .body("[0].role", equalTo("PARTICIPANT"))
                .body("[0].stage", equalTo("FEED"))
                .body("[0].co2eValue", equalTo(1.2f))
                .body("[1].role", equalTo("LEAD"))
                .body("[1].stage", equalTo("FEASIBILITY"));
        given().get(CLUSTERS + "/" + UUID.randomUUID() + "/projects").then().statusCode(404);
    }

    @Test
    void rollUpsAndClusterViewsCarryAStrongETagAndAnswer304ToIfNoneMatch() {
        UUID humber = data.clusters.get(0).id();
        for (String path : List.of("/api/v1/initiative/summary", "/api/v1/initiative/summary?asOf=2024-06-30",
                "/api/v1/initiative/summary?format=csv", "/api/v1/initiative/breakdowns?by=country",
                "/api/v1/initiative/timeseries?from=2024-01-01&interval=quarter", "/api/v1/initiative/pipeline",
                "/api/v1/initiative/published", CLUSTERS + "?size=5", CLUSTERS + "/" + humber + "/projects",
                "/api/v1/clusters/" + humber + "/kpis")) {
            Response first = given().get(path);
            first.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=30"));
            String etag = first.header("ETag");
            assertTrue(etag != null && etag.matches("\"[A-Za-z0-9_-]{32}\""), path + ": " + etag);
            String body = first.asString();
            // Same bytes again: same tag. The tag belongs to these bytes.
            assertEquals(etag, given().get(path).header("ETag"), path);
            given().header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", equalTo(etag)).body(equalTo(""));
            given().header("If-None-Match", "W/" + etag + ", \"other\"").get(path).then().statusCode(304);
            given().header("If-None-Match", "\"stale\"").get(path).then().statusCode(200).body(equalTo(body));
        }
        String csv = given().get("/api/v1/initiative/summary?format=csv").header("ETag");
        assertNotEquals(csv, given().get("/api/v1/initiative/summary").header("ETag"), "each representation has its tag");
        given().get("/api/v1/initiative/summary?format=csv").then().contentType(containsString("text/csv"));
        given().get("/api/v1/initiative/summary").then().contentType(containsString("application/json"))
                .body("signatoryClusters", equalTo(23));
        // Errors and writes are not tagged.
        given().get("/api/v1/initiative/summary?asOf=nope").then().statusCode(400).header("ETag", (String) null);
        given().get("/api/v1/kpi-reports").then().statusCode(200).header("ETag", (String) null);
    }

    @Test
    @Order(Integer.MAX_VALUE) // changes the data the other tests read
    void theDataVersionChangesWithTheDataAndIsAlwaysRevalidated() {
        Response first = given().get("/api/v1/initiative/version");
        first.then().statusCode(200).header("Cache-Control", equalTo("no-cache"))
                .body("version", notNullValue())
                .body("today", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        String etag = first.header("ETag");
        String version = first.path("version");
        given().header("If-None-Match", etag).get("/api/v1/initiative/version").then().statusCode(304);

        UUID added = DashboardTestData.addSignatory("Late Joiner Port", "NO", "EUROPE");
        Response after = given().header("If-None-Match", etag).get("/api/v1/initiative/version");
        after.then().statusCode(200).body("version", not(equalTo(version)));
        assertNotEquals(etag, after.header("ETag"));

        // A KPI report moves it too.
        String v2 = after.path("version");
        DashboardTestData.report(Fixtures.jobs(added, "50", "2025-03-01"));
        given().get("/api/v1/initiative/version").then().body("version", not(equalTo(v2)));
    }

    @Test
    void theNewEndpointsAreDocumented() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("\"/api/v1/initiative/clusters\""))
                .body(containsString("\"/api/v1/initiative/clusters/{id}/projects\""))
                .body(containsString("\"/api/v1/initiative/version\""))
                .body(containsString("ClusterListItem"))
                // The cache behaviour is in the document: If-None-Match, ETag / Cache-Control on 200, and 304.
                .body("paths.'/api/v1/initiative/summary'.get.responses.'304'.description", containsString("Not modified"))
                .body("paths.'/api/v1/clusters/{id}/kpis'.get.responses.'200'.headers.ETag.description", containsString("hash"))
                .body("paths.'/api/v1/initiative/clusters'.get.parameters.name", hasItem("If-None-Match"))
                .body("paths.'/api/v1/initiative/version'.get.responses.'200'.headers.'Cache-Control'.description",
                        containsString("no-cache"))
                .body("paths.'/api/v1/kpi-reports'.get.responses.'304'", nullValue());
    }

    @Test
    void theDashboardPageAndItsChartLibraryAreServedFromTheBuild() {
        given().redirects().follow(false).get("/dashboard").then().statusCode(equalTo(301))
                .header("Location", equalTo("dashboard/"));
        given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<link rel=\"icon\" href=\"data:,\">"))
                .body(containsString("webjars/chart.js/4.5.1/dist/chart.umd.min.js"));
        given().get("/dashboard/app.js").then().statusCode(200);
        given().get("/dashboard/app.css").then().statusCode(200);
        given().get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").then().statusCode(200);
    }
}
