package org.tic.bench;

import java.util.Map;

/** Scenario 1: the physical limit — pgbench -S (and our exact query through pgbench) vs our HTTP reads. */
final class PhysicalLimitScenario extends ScenarioRun {

    PhysicalLimitScenario(Benchmark b) {
        super(b);
    }

    static Report.Scenario scenario(Report report) {
        return report.scenario("s1-physical-limit", "1. The physical limit: pgbench -S vs GET /clusters/{id}");
    }

    /** The initiative summary's capacity at 40 clusters (before the scale load), for the ratio at the end. */
    void summaryAtFortyClusters() {
        Benchmark.step("Scenario 1: initiative summary capacity at 40 clusters");
        byte[] summaryReq = RawHttp.get("/api/v1/initiative/summary", p.port("kpi-service"));
        for (int i = 0; i < s.repeats(); i++) {
            b.summarySmall().add(Load.capacity(p.port("kpi-service"), r -> summaryReq, s.connections(), s.warmup(), s.run()));
        }
    }

    void report(ReadRuns runs, boolean pgbench) {
        Report.Scenario s1 = scenario(report);
        var cap = runs.cap;
        var pgS = runs.pgS;
        var pgId = runs.pgId;
        int c = runs.c;
        int pages = runs.pages;
        if (pgbench) {
            Stats.addPgRow(s1, "pgbench -S (pgbench_accounts, scale " + s.pgbenchScale() + ")", pgS);
            Stats.addPgRow(s1, "pgbench: SELECT * FROM cluster WHERE id = ? (prepared)", pgId);
        }
        Stats.addRow(s1, "GET /api/v1/clusters/{id} (membership-service)", cap.get("ours by id"));
        Stats.addRow(s1, "GET /api/v1/clusters?status=SIGNATORY&size=50&page=0.." + (pages - 1), cap.get("ours list"));
        Stats.addRow(s1, "GET /api/v1/initiative/summary (kpi-service, 40 clusters)", b.summarySmall());
        Stats.addRow(s1, "GET /api/v1/initiative/summary (kpi-service, scale data set)", cap.get("summary"));
        double oursId = Stats.median(cap.get("ours by id"), Load.Result::throughput);
        if (pgbench) {
            s1.ratio("ours req/s ÷ pgbench -S tps", oursId / Stats.medianPg(pgS), 0.5, true,
                    c + " connections each, same PostgreSQL, " + s.run().toSeconds() + " s runs, median of " + s.repeats());
            s1.ratio("ours req/s ÷ pgbench cluster-by-id tps", oursId / Stats.medianPg(pgId), null, true,
                    "the same query as ours, straight to PostgreSQL");
            s1.ratio("filtered list page req/s ÷ pgbench -S tps", Stats.median(cap.get("ours list"), Load.Result::throughput)
                    / Stats.medianPg(pgS), null, true, null);
            s1.ratio("initiative summary req/s (40 clusters) ÷ pgbench -S tps", Stats.median(b.summarySmall(), Load.Result::throughput)
                    / Stats.medianPg(pgS), null, true, "summary measured before the scale load");
            s1.ratio("initiative summary req/s (scale) ÷ pgbench -S tps", Stats.successRate(cap.get("summary"))
                    / Stats.medianPg(pgS), null, true, "successful answers only");
        }
        Profiler.profileReads(b, s1, Map.of("GET /api/v1/clusters/{id}", runs.oursById,
                "GET /api/v1/clusters?status=SIGNATORY&size=50", runs.oursList), runs.ours);
    }
}
