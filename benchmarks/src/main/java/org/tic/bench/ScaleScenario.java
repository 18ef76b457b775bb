package org.tic.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scenario 5: the roll-ups and a KPI write at 40 clusters, then at the scale data set (bulk-inserted with SQL), side
 * by side. The bulk CSV import, also part of scenario 5, is {@link BulkImportScenario}.
 */
final class ScaleScenario extends ScenarioRun {

    ScaleScenario(Benchmark b) {
        super(b);
    }

    private record Query(String label, boolean currentDate, Function<Benchmark, String> path) {
    }

    private static final String AS_OF = "2025-01-22";

    private final List<Query> queries = List.of(
            new Query("initiative summary (today)", true, b -> "/api/v1/initiative/summary"),
            new Query("breakdown by country (today)", true, b -> "/api/v1/initiative/breakdowns?by=country"),
            new Query("breakdown by sector (today)", true, b -> "/api/v1/initiative/breakdowns?by=sector"),
            new Query("one cluster's KPIs (today)", true, b -> "/api/v1/clusters/" + b.small().clusterIds.get(0) + "/kpis"),
            new Query("initiative summary as of " + AS_OF, false, b -> "/api/v1/initiative/summary?asOf=" + AS_OF),
            new Query("breakdown by country as of " + AS_OF, false, b -> "/api/v1/initiative/breakdowns?by=country&asOf=" + AS_OF));

    Map<String, Load.Result> measure(String phase) {
        Benchmark.step("Scale queries (" + phase + ")");
        int kpi = p.port("kpi-service");
        Map<String, Load.Result> results = new LinkedHashMap<>();
        for (Query q : queries) {
            byte[] req = RawHttp.get(q.path().apply(b), kpi);
            results.put(q.label(), Load.serial(kpi, r -> req, 3, s.serialCalls(), s.serialMaxTime()));
        }
        // A write's cost at this size (the totals-changed check now runs after the commit, not in the write).
        List<byte[]> posts = kpiPosts(50);
        results.put("POST a KPI report (serial)", Load.serial(kpi, r -> posts.get(r.nextInt(posts.size())), 3,
                s.serialCalls(), s.serialMaxTime()));
        Report.Scenario sc = report.scenario("s5-scale", "5. Scale: 40 clusters vs the scale data set");
        boolean large = !phase.equals("40 clusters");
        byte[] summary = RawHttp.get("/api/v1/initiative/summary", kpi);
        Map<String, Load.Requests> profiled = new LinkedHashMap<>();
        profiled.put("GET /api/v1/initiative/summary", r -> summary);
        profiled.put("POST /api/v1/kpi-reports", r -> posts.get(r.nextInt(posts.size())));
        Profiler.profileRollups(b, sc, phase, profiled, large ? 3 : 20);
        if (large) {
            String signatories = Profiler.explain(pg, "kpi", "select distinct cluster_id from cluster_status_period "
                    + "where status = 'SIGNATORY' and valid_from <= current_date and (valid_to is null or valid_to > current_date)");
            String current = Profiler.explain(pg, "kpi", "select subject_type, subject_id, bucket_key, normalised_value, "
                    + "report_id, reported_on, qualifier from kpi_current");
            sc.extra.put("plan (scale): signatories today", signatories);
            sc.extra.put("plan (scale): all current values", current);
        }
        return results;
    }

    void compare(Map<String, Load.Result> smallR, Map<String, Load.Result> halfR, Map<String, Load.Result> largeR) {
        Report.Scenario sc = report.scenario("s5-scale", "5. Scale: 40 clusters vs the scale data set");
        long clusters = pg.count("kpi", "select count(*) from cluster_record");
        long reports = pg.count("kpi", "select count(*) from kpi_report");
        long signatories = pg.count("kpi", "select count(distinct cluster_id) from cluster_status_period where status = 'SIGNATORY' "
                + "and valid_from <= current_date and (valid_to is null or valid_to > current_date)");
        sc.extra.put("signatories today (scale)", signatories);
        sc.extra.put("scale data set in kpi-service", clusters + " clusters (" + signatories + " signatories today), "
                + reports + " KPI report versions, " + pg.count("kpi", "select count(*) from kpi_current") + " current values");
        for (String label : smallR.keySet()) {
            Load.Result a = smallR.get(label);
            Load.Result b = largeR.get(label);
            Map<String, Object> row = sc.row(label);
            row.put("p50Ms (40 clusters)", Load.round(a.p50()));
            row.put("p50Ms (scale)", Load.round(b.p50()));
            row.put("p99Ms (40 clusters)", Load.round(a.p99()));
            row.put("p99Ms (scale)", Load.round(b.p99()));
            row.put("calls", a.requests() + " / " + b.requests());
            row.put("errors", a.errors() + " / " + b.errors());
            if (halfR != null) {
                Load.Result h = halfR.get(label);
                row.put("p50Ms (half scale)", Load.round(h.p50()));
                row.put("errors at half scale", h.errors());
                if (h.errors() > 0) {
                    row.put("error at half scale", h.sampleError());
                } else if (h.requests() > 0) {
                    sc.ratio(label + ": half scale ÷ 40 clusters (median latency)", h.p50() / a.p50(), null, false,
                            "intermediate size, for the trend");
                }
            }
            if (b.errors() > 0) {
                row.put("statuses at scale", b.statuses());
                row.put("error at scale", b.sampleError());
            }
            if (a.errors() > 0) {
                row.put("error at 40 clusters", a.sampleError());
            }
            boolean current = queries.stream().anyMatch(q -> q.label().equals(label) && q.currentDate());
            boolean asOf = label.contains("as of");
            double ratio = b.p50() / a.p50();
            if (b.errors() == b.requests() && b.requests() > 0) {
                ratio = Double.NaN;
                sc.notes.add(label + ": every call failed at scale (" + b.statuses() + ": " + b.sampleError()
                        + ") — no latency to compare.");
            }
            sc.ratio(label + ": scale ÷ 40 clusters (median latency)", ratio,
                    current ? 1.5 : null, false, asOf ? "as-of query: reported, no target" : label.startsWith("POST")
                            ? "a write: reported, no target" : "serial calls, medians");
        }
    }

    /** Inserts generated clusters (and their KPI report versions) up to {@code targetClusters} in all. */
    void bulkLoad(int targetClusters) {
        long before = b.generatedClusters();
        long existing = pg.count("membership", "select count(*) from cluster where slug not like 'bench-cluster-%'");
        b.generatedClusters(Math.max(before, targetClusters - existing));
        Benchmark.step("Bulk loading clusters " + (before + 1) + ".." + b.generatedClusters() + " and their "
                + (b.generatedClusters() - before) * Settings.REPORTS_PER_CLUSTER + " KPI report versions into PostgreSQL");
        long t0 = System.nanoTime();
        long chunk = 25_000;
        for (long from = before + 1; from <= b.generatedClusters(); from += chunk) {
            long to = Math.min(b.generatedClusters(), from + chunk - 1);
            pg.execute("membership", BulkData.membershipSql(from, to));
            pg.execute("kpi", BulkData.kpiSql(from, to));
        }
        pg.execute("membership", "analyze");
        pg.execute("kpi", "analyze");
        report.meta.put(targetClusters == s.largeClusters() ? "scale data set" : "half-scale step", pg.count("membership", "select count(*) from cluster") + " clusters in membership, "
                + pg.count("kpi", "select count(*) from cluster_record") + " in kpi-service's read model, "
                + pg.count("kpi", "select count(*) from kpi_report") + " KPI report versions; bulk-inserted in "
                + Math.round((System.nanoTime() - t0) / 1e9) + " s (SQL generate_series into the services' own tables)");
    }
}
