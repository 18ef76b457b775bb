package org.tic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.tic.devinfra.client.ApiClient;
import org.tic.devinfra.demo.DemoData;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realistic data set, loaded through the services' APIs (so every record also produces its events): the 30
 * real member clusters of the demo data and their projects, 10 more clusters to make the initiative's 40, and KPI
 * reports for each (three buckets, two years, some corrected) — what the initiative has today.
 */
final class SmallData {

    static final int CLUSTERS = 40;

    final List<String> clusterIds = new ArrayList<>();
    int projects;
    int reports;

    static SmallData load(Path root, BenchPlatform p, String token) {
        SmallData d = new SmallData();
        ApiClient membership = new ApiClient(p.baseUrl("membership-service")).withToken(token);
        ApiClient project = new ApiClient(p.baseUrl("project-service")).withToken(token);
        ApiClient kpi = new ApiClient(p.baseUrl("kpi-service")).withToken(token);
        DemoData demo = new DemoData(root, membership);
        int demoClusters = demo.loadClusters();
        d.projects = demo.loadProjects(project);
        for (int i = demoClusters; i < CLUSTERS; i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", "Benchmark Cluster " + (i + 1));
            c.put("country", List.of("DE", "FR", "US", "JP", "BR", "ZA", "IN", "AU", "CA", "ES").get(i % 10));
            c.put("worldRegion", List.of("EUROPE", "EUROPE", "NORTH_AMERICA", "ASIA_PACIFIC", "LATIN_AMERICA_CARIBBEAN",
                    "AFRICA", "ASIA_PACIFIC", "ASIA_PACIFIC", "NORTH_AMERICA", "EUROPE").get(i % 10));
            c.put("type", "INDUSTRIAL_COMPLEX");
            c.put("sectors", List.of("chemicals", "steel", "hydrogen"));
            c.put("sources", List.of("https://example.org/benchmark"));
            String id = membership.post("/api/v1/clusters", c).ok().path("id").asText();
            membership.post("/api/v1/clusters/" + id + "/existing-membership",
                    Map.of("joinedYear", 2024, "reason", "benchmark data")).ok();
        }
        JsonNode page = membership.get("/api/v1/clusters?size=200&sort=name").ok();
        for (JsonNode c : page.path("items")) {
            d.clusterIds.add(c.path("id").asText());
        }
        // kpi-service learns clusters from membership events: wait until it knows all of them.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (kpi.get("/api/v1/initiative/summary").ok().path("signatoryClusters").asInt() < d.clusterIds.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("kpi-service did not learn the " + d.clusterIds.size() + " clusters in 120 s");
            }
            BenchPlatform.sleep(200);
        }
        int n = 0;
        for (String id : d.clusterIds) {
            for (int year = 2023; year <= 2024; year++) {
                for (int bucket = 0; bucket < 3; bucket++) {
                    JsonNode created = kpi.post("/api/v1/kpi-reports", report(id, bucket, year, n)).ok();
                    n++;
                    if (bucket == 0 && year == 2024 && n % 4 == 1) {
                        Map<String, Object> correction = new LinkedHashMap<>();
                        correction.put("reason", "Re-estimated with the 2025 plan");
                        Map<String, Object> body = report(id, bucket, year, n + 7);
                        body.put("reportedOn", LocalDate.of(year + 1, 6, 30).toString());
                        correction.put("report", body);
                        kpi.post("/api/v1/kpi-reports/" + created.path("id").asText() + "/corrections", correction).ok();
                        n++;
                    }
                }
            }
        }
        d.reports = n;
        return d;
    }

    /** One of the three buckets every cluster reports: CO2e potential reduction, direct operation jobs, direct GDP. */
    static Map<String, Object> report(String clusterId, int bucket, int year, int seed) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("clusterId", clusterId);
        switch (bucket) {
            case 0 -> {
                r.put("metric", "CO2E");
                r.put("co2e", Map.of("metricType", "POTENTIAL_REDUCTION", "scope", "SCOPE_1_2", "gwpSet", "AR6_GWP100",
                        "targetYear", 2030, "method", "Cluster decarbonisation plan"));
                r.put("value", new java.math.BigDecimal(String.valueOf(0.5 + (seed % 40) / 10.0)));
                r.put("unit", "MT_CO2E_PER_YEAR");
            }
            case 1 -> {
                r.put("metric", "JOBS");
                r.put("jobs", Map.of("kind", "CREATED", "effect", "DIRECT", "phase", "OPERATION"));
                r.put("value", 100 + seed % 900);
                r.put("unit", "HEADCOUNT");
            }
            default -> {
                r.put("metric", "GDP");
                r.put("gdp", Map.of("currency", "USD", "priceYear", 2023, "basis", "DIRECT"));
                r.put("value", 1 + seed % 20);
                r.put("unit", "CURRENCY_BILLIONS");
            }
        }
        r.put("periodStart", year + "-01-01");
        r.put("periodEnd", year + "-12-31");
        r.put("reportedOn", (year + 1) + "-03-31");
        r.put("source", Map.of("url", "https://example.org/cluster-report-" + year + ".pdf"));
        r.put("reportedBy", "Benchmark cluster coordinator");
        r.put("confidence", "REPORTED");
        return r;
    }
}
