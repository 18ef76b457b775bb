package org.tic.kpi;

import io.restassured.http.ContentType;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.kpi.Api.given;
import static org.awaitility.Awaitility.await;

/** Builds read-model state the way production does: by publishing membership and project events. */
public final class Fixtures {

    public static final String MEMBERSHIP = "membership.events";
    public static final String PROJECTS = "project.events";

    private Fixtures() {
    }

    /** A cluster that joined (SIGNATORY) with the given joining year, visible in the read model when this returns. */
    public static UUID signatory(String name, String country, int joinedYear) {
        UUID id = UUID.randomUUID();
        CloudEvents.send(MEMBERSHIP, id.toString(), "tic.membership.cluster.joined.v1", Map.of("cluster",
                CloudEvents.cluster(id, name, country, region(country), "INDUSTRIAL_COMPLEX", List.of("chemicals"),
                        "SIGNATORY", null, joinedYear, null, 2), "applicationId", UUID.randomUUID()));
        awaitCluster(id, "SIGNATORY");
        return id;
    }

    public static void awaitCluster(UUID id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var r = given().get("/api/v1/clusters/" + id + "/kpis");
            return r.statusCode() == 200 && status.equals(r.path("status"));
        });
    }

    /** A project of the given clusters (first is the lead), visible in the read model when this returns. */
    public static UUID project(String name, String category, String stage, List<UUID> clusters) {
        UUID id = UUID.randomUUID();
        CloudEvents.send(PROJECTS, id.toString(), "tic.project.project.created.v1", Map.of("project",
                CloudEvents.project(id, name, category, clusters.get(0), clusters.subList(1, clusters.size()), stage,
                        "2025-01-01", "FID".equals(stage) ? "2025-01-01" : null, 1.5, "MT_CO2_PER_YEAR", 1.2, 1)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                Db.count("select count(*) from project_record where id = '" + id + "'") == 1);
        return id;
    }

    public static Map<String, Object> co2e(UUID clusterId, String value, String unit, String type, String reportedOn) {
        Map<String, Object> co2e = new LinkedHashMap<>();
        co2e.put("metricType", type);
        co2e.put("scope", "SCOPE_1_2");
        co2e.put("gwpSet", "AR6_GWP100");
        co2e.put("baseYear", 2019);
        co2e.put("targetYear", 2030);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("clusterId", clusterId);
        r.put("metric", "CO2E");
        r.put("co2e", co2e);
        r.put("value", value);
        r.put("unit", unit);
        r.put("periodStart", "2024-01-01");
        r.put("periodEnd", "2024-12-31");
        r.put("reportedOn", reportedOn);
        r.put("source", Map.of("url", "https://example.org/report.pdf"));
        r.put("reportedBy", "Cluster coordinator");
        r.put("confidence", "REPORTED");
        return r;
    }

    public static Map<String, Object> jobs(UUID clusterId, String value, String reportedOn) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("clusterId", clusterId);
        r.put("metric", "JOBS");
        r.put("jobs", Map.of("kind", "CREATED", "effect", "DIRECT", "phase", "OPERATION"));
        r.put("value", value);
        r.put("unit", "HEADCOUNT");
        r.put("periodStart", "2024-01-01");
        r.put("periodEnd", "2024-12-31");
        r.put("reportedOn", reportedOn);
        r.put("source", Map.of("document", "Annual report 2024"));
        r.put("reportedBy", "Cluster coordinator");
        r.put("confidence", "ESTIMATED");
        return r;
    }

    /** POSTs a report and returns its id. */
    public static String report(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/kpi-reports")
                .then().statusCode(201).extract().path("id");
    }

    private static String region(String country) {
        return switch (country) {
            case "AU", "JP", "IN", "CN", "ID", "TH" -> "ASIA_PACIFIC";
            case "US" -> "NORTH_AMERICA";
            default -> "EUROPE";
        };
    }
}
