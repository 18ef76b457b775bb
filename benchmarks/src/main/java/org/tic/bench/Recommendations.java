package org.tic.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The fixes the profile points to, written into the report with the figures of the run that motivate them. The
 * benchmark never changes the services; these are for their owners (the ones already applied are gone from this list).
 */
final class Recommendations {

    private Recommendations() {
    }

    static void add(Report report) {
        Report.Scenario s1 = report.scenarios.get("s1-physical-limit");
        Report.Scenario s3 = report.scenarios.get("s3-writes");
        Report.Scenario s4 = report.scenarios.get("s4-event-lag");
        Report.Scenario s5 = report.scenarios.get("s5-scale");

        String postSmall = value(s5, "POST a KPI report (serial)", "p50Ms (40 clusters)");
        String postHalf = value(s5, "POST a KPI report (serial)", "p50Ms (half scale)");
        String summarySmall = value(s5, "initiative summary (today)", "p50Ms (40 clusters)");
        String summaryHalf = value(s5, "initiative summary (today)", "p50Ms (half scale)");
        String postCap = value(s3, "POST /api/v1/kpi-reports (capacity)", "throughput");
        String pgInsert = value(s3, "pgbench: report + current value + outbox insert", "throughput");




        report.recommend(
                "kpi-service consumes membership events one at a time (@Blocking, ordered), one transaction per event, "
                        + "each rebuilding the cluster's status periods (delete + one insert per period): the consumer falls behind well below the target rate, and the lag is queueing "
                        + "in front of it (see 'where the lag goes' in scenario 4: the relay and Kafka take milliseconds).",
                "kpi-service/src/main/java/org/tic/kpi/event/MembershipEventsConsumer.java, "
                        + "service/ClusterProjectionService.java, repository/ClusterRecordRepository.java (replacePeriods)",
                "Consume in batches (`@Incoming` with batch=true: the records of one poll, applied in order in one "
                        + "transaction, idempotency rows inserted together), write the periods with one multi-row "
                        + "insert (or update only the changed tail).",
                "Consumer throughput × batch size; lag p99 close to raw Kafka's at the rates this machine sustains.");


        report.recommend(
                "The bulk import applies rows in chunks of 200 per transaction, but still with about ten statements per "
                        + "row (cluster lookup by slug, report insert + flush, advisory lock + top-1 + current-value "
                        + "upsert, outbox insert, data-version bump, row status + job counters + lease update).",
                "kpi-service/src/main/java/org/tic/kpi/service/ImportWorker.java (run, apply), repository/ImportRepository.java",
                "Set-based application of a chunk: resolve its slugs/ids in one query, insert its reports, current "
                        + "values and outbox rows with multi-row statements (COPY or unnest arrays), update row statuses, "
                        + "job counters and the lease once per chunk.",
                "Most per-row round trips gone: an order of magnitude more "
                        + "rows/s, bringing 100,000 rows towards the 10 s target.");

        if (s1 != null) {
            report.recommend(
                    "GET /clusters/{id} reaches " + value(s1, "GET /api/v1/clusters/{id}", "throughput") + " req/s where pgbench -S "
                            + "reaches " + value(s1, "pgbench -S", "throughput") + " tps: the query itself is as fast as pgbench's "
                            + "(see 'pgbench: SELECT * FROM cluster WHERE id = ?'), the rest is per-request work in the "
                            + "service (HTTP, a Hibernate session and entity load, JSON, ETag) on two shared cores.",
                    "membership-service/src/main/java/org/tic/membership/rest/ClusterResource.java (get), service/ClusterService.java",
                    "Read the cluster with a read-only projection query (no managed entity: `select new ClusterView(…)` "
                            + "or a native query mapped by Jackson), mark the read path @Transactional(SUPPORTS) + "
                            + "read-only, and let clients revalidate with If-None-Match (the ETag is the version).",
                    "Roughly 1.5-2× req/s on the read path; the target ratio of 0.5 of raw pgbench is not reachable "
                            + "for an HTTP + JSON service on the same two cores (the HTTP load generator and the JVMs "
                            + "share the CPU pgbench's clients use alone).");
        }
    }

    /** A figure from a measurement row, formatted, or "?" when the run did not produce it. */
    private static String value(Report.Scenario sc, String rowLabel, String key) {
        if (sc == null) {
            return "?";
        }
        for (Map<String, Object> row : sc.rows) {
            if (String.valueOf(row.get("what")).startsWith(rowLabel) && row.get(key) instanceof Double d && !d.isNaN()) {
                return d >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.1f", d);
            }
        }
        return "?";
    }
}
