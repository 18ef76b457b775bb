package org.tic.kpi;

import io.restassured.http.ContentType;
import org.tic.devinfra.testing.TestTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard tests' data, built the way production builds it: membership and project CloudEvents on Kafka for
 * the read models, KPI reports through the API (with a secretariat token, as writes may require one).
 */
public final class DashboardTestData {

    public record Cluster(UUID id, String name, String country, String region, String type, int joinedYear) {
    }

    public static final String POTENTIAL = "CO2E|POTENTIAL_REDUCTION|SCOPE_1_2";

    private static final String[][] CLUSTERS = {
            // name, country, region, type, joined year
            {"Humber Industrial Cluster", "GB", "EUROPE", "INDUSTRIAL_COMPLEX", "2021"},
            {"HyNet North West", "GB", "EUROPE", "INDUSTRIAL_COMPLEX", "2021"},
            {"Basque Net Zero Industrial Super Cluster", "ES", "EUROPE", "INDUSTRIAL_COMPLEX", "2021"},
            {"Houston Ship Channel", "US", "NORTH_AMERICA", "PORT", "2021"},
            {"Kwinana Industries", "AU", "ASIA_PACIFIC", "INDUSTRIAL_COMPLEX", "2022"},
            {"Rotterdam Port", "NL", "EUROPE", "PORT", "2022"},
            {"Antwerp-Bruges", "BE", "EUROPE", "PORT", "2022"},
            {"Gladstone Hydrogen Hub", "AU", "ASIA_PACIFIC", "ENERGY_HUB", "2022"},
            {"Kawasaki Carbon Neutral Complex", "JP", "ASIA_PACIFIC", "INDUSTRIAL_COMPLEX", "2023"},
            {"Ruhr Valley Hydrogen", "DE", "EUROPE", "ENERGY_HUB", "2023"},
            {"Acu Port Complex", "BR", "LATIN_AMERICA_CARIBBEAN", "PORT", "2023"},
            {"Cartagena Industrial Zone", "CO", "LATIN_AMERICA_CARIBBEAN", "SPECIAL_ECONOMIC_ZONE", "2023"},
            {"Suez Canal Economic Zone", "EG", "AFRICA", "SPECIAL_ECONOMIC_ZONE", "2023"},
            {"Jubail Industrial City", "SA", "MIDDLE_EAST", "INDUSTRIAL_COMPLEX", "2024"},
            {"Gujarat Green Hydrogen Valley", "IN", "ASIA_PACIFIC", "ENERGY_HUB", "2024"},
            {"Nelson Mandela Bay", "ZA", "AFRICA", "PORT", "2024"},
            {"Ulsan Petrochemical Complex", "KR", "ASIA_PACIFIC", "INDUSTRIAL_COMPLEX", "2024"},
            {"Gulf Coast Hydrogen Hub", "US", "NORTH_AMERICA", "ENERGY_HUB", "2024"},
            {"Dunkirk Industrial Port", "FR", "EUROPE", "PORT", "2024"},
            {"Bahia Blanca Petrochemical Pole", "AR", "LATIN_AMERICA_CARIBBEAN", "INDUSTRIAL_COMPLEX", "2025"},
            {"Oman Duqm Special Zone", "OM", "MIDDLE_EAST", "SPECIAL_ECONOMIC_ZONE", "2025"},
            {"Tasmania Green Hydrogen Hub", "AU", "ASIA_PACIFIC", "ENERGY_HUB", "2025"},
            {"Kalundborg Symbiosis", "DK", "EUROPE", "ECO_INDUSTRIAL_PARK", "2025"},
    };

    /** Every cluster above, in order. */
    public final List<Cluster> clusters = new ArrayList<>();
    public UUID applicant;
    public UUID porthos;
    public UUID hydrogen;
    public String humberReportId;

    private DashboardTestData() {
    }

    /**
     * Empties the read models and publishes: 23 signatories joining 2021-2025, one applicant, three projects, and
     * KPI reports (CO2e potential reported in 2024 and corrected in 2025, GDP and jobs in 2025).
     */
    public static DashboardTestData load() {
        long started = System.nanoTime();
        Db.reset();
        DashboardTestData d = new DashboardTestData();
        for (String[] c : CLUSTERS) {
            UUID id = UUID.randomUUID();
            int year = Integer.parseInt(c[4]);
            CloudEvents.send(Fixtures.MEMBERSHIP, id.toString(), "tic.membership.cluster.joined.v1", Map.of("cluster",
                    CloudEvents.cluster(id, c[0], c[1], c[2], c[3], List.of("chemicals", "steel"), "SIGNATORY", null, year,
                            null, 2), "applicationId", UUID.randomUUID()));
            d.clusters.add(new Cluster(id, c[0], c[1], c[2], c[3], year));
        }
        d.applicant = UUID.randomUUID();
        CloudEvents.send(Fixtures.MEMBERSHIP, d.applicant.toString(), "tic.membership.cluster.registered.v1",
                Map.of("cluster", CloudEvents.cluster(d.applicant, "Aspiring Applicant Cluster", "PT", "EUROPE", "PORT",
                        List.of(), "APPLICANT", null, null, null, 1)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                Db.count("select count(*) from cluster_record") == CLUSTERS.length + 1
                        && Db.count("select count(distinct cluster_id) from cluster_status_period") == CLUSTERS.length + 1);

        UUID humber = d.clusters.get(0).id();
        UUID hynet = d.clusters.get(1).id();
        UUID rotterdam = d.clusters.get(5).id();
        d.porthos = project("Porthos CCS", "CO2_TRANSPORT_STORAGE", "FID", List.of(rotterdam));
        d.hydrogen = project("Humber Hydrogen Pipeline", "HYDROGEN_AND_DERIVATIVES", "FEED", List.of(humber, hynet));
        project("HyNet Capture Plant", "CO2_CAPTURE", "FEASIBILITY", List.of(hynet));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                Db.count("select count(*) from project_record") == 3);

        d.humberReportId = report(Fixtures.co2e(humber, "10", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2024-03-01"));
        report(Fixtures.co2e(hynet, "4500", "KT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2024-03-01"));
        report(Fixtures.co2e(rotterdam, "6", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2025-02-01"));
        // A correction: 10 stood until 2025-02-01, 12 since.
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.secretariat())
                .header("If-Match", "\"1\"")
                .body(Map.of("reason", "updated study", "report",
                        Fixtures.co2e(humber, "12", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2025-02-01")))
                .post("/api/v1/kpi-reports/" + d.humberReportId + "/corrections").then().statusCode(201);
        report(Fixtures.jobs(humber, "1200", "2025-01-22"));
        report(Fixtures.jobs(rotterdam, "800", "2025-01-22"));
        report(gdp(rotterdam, "850", "2025-01-22"));
        System.out.printf("Dashboard test data published and applied in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        return d;
    }

    /** Publishes a project event (like Fixtures.project, without waiting: the caller waits for all at once). */
    private static UUID project(String name, String category, String stage, List<UUID> clusters) {
        UUID id = UUID.randomUUID();
        CloudEvents.send(Fixtures.PROJECTS, id.toString(), "tic.project.project.created.v1", Map.of("project",
                CloudEvents.project(id, name, category, clusters.get(0), clusters.subList(1, clusters.size()), stage,
                        "2025-01-01", "FID".equals(stage) ? "2025-01-01" : null, 1.5, "MT_CO2_PER_YEAR", 1.2, 1)));
        return id;
    }

    public static String report(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.secretariat())
                .body(body).post("/api/v1/kpi-reports").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> gdp(UUID clusterId, String millions, String reportedOn) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("clusterId", clusterId);
        r.put("metric", "GDP");
        r.put("gdp", Map.of("currency", "USD", "priceYear", 2023, "basis", "DIRECT"));
        r.put("value", millions);
        r.put("unit", "CURRENCY_MILLIONS");
        r.put("periodStart", "2024-01-01");
        r.put("periodEnd", "2024-12-31");
        r.put("reportedOn", reportedOn);
        r.put("source", Map.of("url", "https://example.org/economics.pdf"));
        r.put("reportedBy", "Regional economist");
        r.put("confidence", "VERIFIED");
        return r;
    }

    /** A new signatory, published now (for live-update tests); visible in the read model when this returns. */
    public static UUID addSignatory(String name, String country, String region) {
        UUID id = UUID.randomUUID();
        CloudEvents.send(Fixtures.MEMBERSHIP, id.toString(), "tic.membership.cluster.joined.v1", Map.of("cluster",
                CloudEvents.cluster(id, name, country, region, "PORT", List.of("shipping"), "SIGNATORY", null, 2021, null, 2),
                "applicationId", UUID.randomUUID()));
        Fixtures.awaitCluster(id, "SIGNATORY");
        return id;
    }
}
