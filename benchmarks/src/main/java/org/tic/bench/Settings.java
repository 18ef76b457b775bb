package org.tic.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** How long, how hard and how much data: the full run, or the quick smoke mode (tiny data, seconds per scenario). */
record Settings(boolean quick, int connections, Duration warmup, Duration run, int repeats, Duration latencyWarmup,
                Duration latencyRun, double latencyLoadShare, int largeClusters, int pgbenchScale, int serialCalls,
                Duration serialMaxTime, double lagTargetRate, Duration lagWarmup, Duration lagRun, int importRows,
                Duration importCap, String only) {

    static Settings full() {
        return new Settings(false, 8, Duration.ofSeconds(10), Duration.ofSeconds(15), 3, Duration.ofSeconds(5),
                Duration.ofSeconds(20), 0.5, 100_000, 10, 30, Duration.ofSeconds(30), 500, Duration.ofSeconds(5),
                Duration.ofSeconds(30), 100_000, Duration.ofSeconds(600), null);
    }

    static Settings quickMode() {
        return new Settings(true, 4, Duration.ofSeconds(2), Duration.ofSeconds(3), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(3), 0.5, 2_000, 1, 8, Duration.ofSeconds(10), 50, Duration.ofSeconds(1),
                Duration.ofSeconds(4), 300, Duration.ofSeconds(90), null);
    }

    Settings withLargeClusters(int n) {
        return new Settings(quick, connections, warmup, run, repeats, latencyWarmup, latencyRun, latencyLoadShare, n,
                pgbenchScale, serialCalls, serialMaxTime, lagTargetRate, lagWarmup, lagRun, importRows, importCap, only);
    }

    Settings withImportRows(int n) {
        return new Settings(quick, connections, warmup, run, repeats, latencyWarmup, latencyRun, latencyLoadShare,
                largeClusters, pgbenchScale, serialCalls, serialMaxTime, lagTargetRate, lagWarmup, lagRun, n, importCap,
                only);
    }

    /**
     * One part alone, a loop for work on one path: "events" (scenario 4, event lag and consumer scale-out, after the
     * realistic data set) or "import" (the scale data set, then the bulk import of scenario 5).
     */
    Settings withOnly(String part) {
        return new Settings(quick, connections, warmup, run, repeats, latencyWarmup, latencyRun, latencyLoadShare,
                largeClusters, pgbenchScale, serialCalls, serialMaxTime, lagTargetRate, lagWarmup, lagRun, importRows,
                importCap, part);
    }

    boolean eventsOnly() {
        return "events".equals(only);
    }

    boolean deliveryOnly() {
        return "delivery".equals(only);
    }

    boolean importOnly() {
        return "import".equals(only);
    }

    /** KPI report versions the bulk load writes per generated cluster (3 buckets × 3 years + 1 correction). */
    static final int REPORTS_PER_CLUSTER = 10;

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", (quick ? "quick (smoke: tiny data, seconds per scenario — figures are not meaningful)" : "full")
                + (only == null ? "" : ", one part only (--only " + only + ")"));
        m.put("connections (HTTP keep-alive connections = pgbench clients)", connections);
        m.put("capacity runs", warmup.toSeconds() + " s warm-up + " + run.toSeconds() + " s measured, closed loop");
        m.put("latency runs", latencyWarmup.toSeconds() + " s warm-up + " + latencyRun.toSeconds()
                + " s measured, constant arrival rate at " + Math.round(latencyLoadShare * 100)
                + "% of the lower capacity of the two compared, latency from each request's intended start");
        m.put("repeats (median reported, runs of compared systems interleaved)", repeats);
        m.put("scale data set", largeClusters + " clusters, " + (long) largeClusters * REPORTS_PER_CLUSTER + " KPI report versions");
        m.put("pgbench -S scale factor", pgbenchScale);
        m.put("serial calls per scale query", serialCalls + " (at most " + serialMaxTime.toSeconds() + " s)");
        m.put("event lag", "target " + lagTargetRate + " writes/s, " + lagWarmup.toSeconds() + " s warm-up + "
                + lagRun.toSeconds() + " s measured");
        m.put("bulk CSV import", importRows + " rows, waited at most " + importCap.toSeconds() + " s");
        return m;
    }
}
