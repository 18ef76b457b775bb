package org.tic.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Where the time goes, seen from PostgreSQL: the database work one request causes (transactions, sequential and
 * index scans and the rows they read, rows written — per table, from pg_stat_user_tables deltas around serial
 * requests) and the plans of the statements behind the slow endpoints. N+1 queries show as index scans per request
 * well above one; a missing index as sequential scans reading whole tables.
 */
final class Profiler {

    private Profiler() {
    }

    private record Counters(Map<String, long[]> tables, long[] database) {
    }

    private static Counters snapshot(Pg pg, String db) {
        Map<String, long[]> tables = new TreeMap<>();
        long[] dbc = new long[3];
        try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select relname, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0), coalesce(idx_scan, 0),
                           coalesce(idx_tup_fetch, 0), n_tup_ins, n_tup_upd, n_tup_del
                    from pg_stat_user_tables where schemaname = 'public'""")) {
                while (rs.next()) {
                    long[] v = new long[7];
                    for (int i = 0; i < 7; i++) {
                        v[i] = rs.getLong(i + 2);
                    }
                    tables.put(rs.getString(1), v);
                }
            }
            try (ResultSet rs = s.executeQuery("select xact_commit, xact_rollback, tup_returned from pg_stat_database "
                    + "where datname = current_database()")) {
                rs.next();
                dbc[0] = rs.getLong(1);
                dbc[1] = rs.getLong(2);
                dbc[2] = rs.getLong(3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Counters(tables, dbc);
    }

    /**
     * Runs {@code calls} serial requests and returns the database work per request. Waits 11 s afterwards, since
     * PostgreSQL backends publish their statistics when idle (at most 10 s later).
     */
    static long flushWaitMillis = 11_000;

    static Map<String, Object> dbWorkPerRequest(Pg pg, String db, int port, Load.Requests requests, int calls) {
        BenchPlatform.sleep(flushWaitMillis);
        Counters before = snapshot(pg, db);
        SplittableRandom random = new SplittableRandom(11);
        int ok = 0;
        try (RawHttp http = new RawHttp("127.0.0.1", port, 120_000)) {
            for (int i = 0; i < calls; i++) {
                try {
                    int status = http.exchange(requests.apply(random), false).status();
                    if (status >= 200 && status < 400) {
                        ok++;
                    }
                } catch (IOException e) {
                    // counted as not ok
                }
            }
        }
        BenchPlatform.sleep(flushWaitMillis);
        Counters after = snapshot(pg, db);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", calls);
        m.put("answered 2xx/3xx", ok);
        m.put("transactions per request", Load.round((after.database()[0] - before.database()[0]) / (double) calls));
        Map<String, Object> perTable = new LinkedHashMap<>();
        String[] names = {"seqScans", "rowsReadBySeqScans", "indexScans", "rowsFetchedByIndex", "inserted", "updated", "deleted"};
        for (var e : after.tables().entrySet()) {
            long[] b = before.tables().getOrDefault(e.getKey(), new long[7]);
            Map<String, Object> t = new LinkedHashMap<>();
            for (int i = 0; i < 7; i++) {
                double per = (e.getValue()[i] - b[i]) / (double) calls;
                if (per >= 0.05) {
                    t.put(names[i], Load.round(per));
                }
            }
            if (!t.isEmpty()) {
                perTable.put(e.getKey(), t);
            }
        }
        m.put("per table (per request; background relay/consumer polling included, values < 0.05 omitted)", perTable);
        return m;
    }

    /** A one-line reading of the per-request work, for the notes. */
    static String reading(String label, Map<String, Object> work) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> tables = (Map<String, Map<String, Object>>) work.get(
                "per table (per request; background relay/consumer polling included, values < 0.05 omitted)");
        List<String> parts = new ArrayList<>();
        tables.forEach((t, v) -> {
            List<String> bits = new ArrayList<>();
            if (v.containsKey("seqScans")) {
                bits.add(fmt(v.get("seqScans")) + " seq scans reading " + fmt(v.getOrDefault("rowsReadBySeqScans", 0.0)) + " rows");
            }
            if (v.containsKey("indexScans")) {
                bits.add(fmt(v.get("indexScans")) + " index scans (" + fmt(v.getOrDefault("rowsFetchedByIndex", 0.0)) + " rows)");
            }
            for (String w : List.of("inserted", "updated", "deleted")) {
                if (v.containsKey(w)) {
                    bits.add(fmt(v.get(w)) + " rows " + w);
                }
            }
            parts.add(t + ": " + String.join(", ", bits));
        });
        return label + " — per request: " + work.get("transactions per request") + " transactions; " + String.join("; ", parts);
    }

    private static String fmt(Object o) {
        return o instanceof Double d ? String.format(Locale.ROOT, d >= 100 ? "%,.0f" : "%.2f", d) : String.valueOf(o);
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of a statement: the first lines and the execution time. */
    static String explain(Pg pg, String db, String sql) {
        StringBuilder b = new StringBuilder();
        try (Connection c = pg.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            for (int i = 0; i < lines.size(); i++) {
                if (i < 12 || lines.get(i).startsWith("Execution Time") || lines.get(i).startsWith("Planning Time")) {
                    b.append(lines.get(i)).append('\n');
                }
            }
        } catch (SQLException e) {
            return "explain failed: " + e.getMessage();
        }
        return b.toString();
    }

    // ---- per scenario ----

    static void profileReads(Benchmark bench, Report.Scenario sc, Map<String, Load.Requests> endpoints, int port) {
        Benchmark.step("Profiling the membership reads");
        for (var e : new TreeMap<>(endpoints).entrySet()) {
            Map<String, Object> work = dbWorkPerRequest(bench.pg(), "membership", port, e.getValue(), 200);
            sc.extra.put("database work per request: " + e.getKey(), work);
            sc.notes.add("Profile: " + reading(e.getKey(), work));
            threads(sc, "membership-service during " + e.getKey() + " at capacity", bench.platform().pid("membership-service"),
                    () -> Load.capacity(port, e.getValue(), 8, java.time.Duration.ZERO, java.time.Duration.ofSeconds(bench.quick() ? 3 : 10)));
        }
        String page = explain(bench.pg(), "membership",
                "select * from cluster where status = 'SIGNATORY' order by name, id offset 2500 limit 50");
        String count = explain(bench.pg(), "membership", "select count(*) from cluster where status = 'SIGNATORY'");
        sc.extra.put("plan: list page 50 (offset 2500)", page);
        sc.extra.put("plan: list count", count);
        sc.notes.add("Plan of the list page: " + firstLine(page) + "; " + lastLine(page) + ". Plan of its count: "
                + firstLine(count) + "; " + lastLine(count) + ".");
    }

    static void profileWrite(Benchmark bench, Report.Scenario sc, Load.Requests post, int connections, long seconds) {
        Benchmark.step("Profiling the KPI report write");
        Map<String, Object> work = dbWorkPerRequest(bench.pg(), "kpi", bench.platform().port("kpi-service"), post, 50);
        sc.extra.put("database work per request: POST /api/v1/kpi-reports", work);
        sc.notes.add("Profile: " + reading("POST /api/v1/kpi-reports", work));
        int port = bench.platform().port("kpi-service");
        threads(sc, "kpi-service during POST /api/v1/kpi-reports at capacity", bench.platform().pid("kpi-service"),
                () -> Load.capacity(port, post, connections, java.time.Duration.ZERO, java.time.Duration.ofSeconds(seconds)));
    }

    /** A JFR profile of one service JVM and the machine's CPU shares while {@code load} runs. */
    static void threads(Report.Scenario sc, String label, Long pid, Runnable load) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (pid != null) {
            pids.put(label, pid);
        }
        profile(sc, label, pids, load);
    }

    /**
     * JFR recordings of the given JVMs and the machine's CPU by process while {@code load} runs: what holds the
     * cores (CpuShares) and, inside each JVM, where its CPU and its waiting go (JfrProfile). Both go to the notes.
     */
    static void profile(Report.Scenario sc, String label, Map<String, Long> pids, Runnable load) {
        Map<String, JfrProfile> recordings = new LinkedHashMap<>();
        pids.forEach((name, pid) -> recordings.put(name, JfrProfile.start(pid)));
        CpuShares cpu = CpuShares.start();
        try {
            load.run();
        } finally {
            Map<String, Object> shares = cpu.stop();
            sc.extra.put("CPU by process: " + label, shares);
            sc.notes.add("CPU, " + label + ": " + CpuShares.summary(shares) + ".");
            recordings.forEach((name, rec) -> {
                Map<String, Object> p = rec.stop(8);
                sc.extra.put("JFR profile: " + name, p);
                sc.notes.add("JFR profile, " + name + ": " + JfrProfile.summary(p) + ".");
            });
        }
    }

    static void profileRollups(Benchmark bench, Report.Scenario sc, String phase, Map<String, Load.Requests> endpoints, int calls) {
        Benchmark.step("Profiling the roll-ups (" + phase + ")");
        for (var e : endpoints.entrySet()) {
            Map<String, Object> work = dbWorkPerRequest(bench.pg(), "kpi", bench.platform().port("kpi-service"), e.getValue(), calls);
            sc.extra.put("database work per request (" + phase + "): " + e.getKey(), work);
            sc.notes.add("Profile (" + phase + "): " + reading(e.getKey(), work));
            if (!phase.equals("40 clusters")) {
                int port = bench.platform().port("kpi-service");
                threads(sc, "kpi-service during serial " + e.getKey() + " (" + phase + ")", bench.platform().pid("kpi-service"),
                        () -> Load.serial(port, e.getValue(), 0, 1000, java.time.Duration.ofSeconds(bench.quick() ? 3 : 15)));
            }
        }
    }

    static String firstLine(String s) {
        return s.lines().findFirst().orElse("").trim();
    }

    static String lastLine(String s) {
        List<String> l = s.lines().toList();
        return l.isEmpty() ? "" : l.get(l.size() - 1).trim();
    }
}
