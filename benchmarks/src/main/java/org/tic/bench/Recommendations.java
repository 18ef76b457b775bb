package org.tic.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The fixes the profile points to, written into the report with the figures of the run that motivate them. The
 * benchmark never changes the services (other engineers are editing them); these are for their owners.
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
                "Every KPI write and every consumed membership/project event recomputes today's whole initiative roll-up "
                        + "(all signatories, all current values, all projects and merges) for the totals-changed check, "
                        + "inside its transaction and under the single initiative_totals row lock (SELECT … FOR UPDATE): "
                        + "writes are serialised and each costs O(clusters + current values). Measured: POST p50 "
                        + postSmall + " ms at 40 clusters, " + postHalf + " ms at half scale; POST capacity " + postCap
                        + "/s vs " + pgInsert + " tps for the same rows written by pgbench; the profile shows one full "
                        + "read of kpi_current and of the signatory periods per write.",
                "kpi-service/src/main/java/org/tic/kpi/service/InitiativeTotalsTracker.java (called from "
                        + "KpiReportService.create/correct, ClusterProjectionService.apply, ProjectProjectionService, ImportWorker.complete)",
                "Take the check out of the writing transaction: mark the totals dirty (e.g. insert a row into a small "
                        + "totals_check queue table, or rely on the outbox rows just written) and let one scheduled job "
                        + "(every 1 s, single-flight through an advisory lock) recompute today's roll-up once and write "
                        + "totals-changed through the outbox when the fingerprint changed. Announcements then lag by "
                        + "≤ 1 s but still reflect everything committed before them.",
                "POST cost independent of the data size (the scale ÷ 40 ratio of a write → ~1) and no write "
                        + "serialisation: POST/s bounded by PostgreSQL's insert rate instead of one roll-up per write "
                        + "(an order of magnitude at 40 clusters, three or more at 100,000); consumer cost per event O(1).");

        report.recommend(
                "Today's signatories are loaded with `select distinct cluster_id …` followed by `list(\"id in ?1\", ids)`: "
                        + "one bind parameter per signatory. PostgreSQL's protocol allows at most 65,535, so above that "
                        + "(this run: " + (s5 == null ? "?" : s5.extra.getOrDefault("signatories today (scale)", "?"))
                        + " signatories today in the scale data set) every roll-up, every per-cluster view, every "
                        + "KPI write (through the totals check) and every import completion fails — answered as 400 "
                        + "\"A value is out of range or too long for its field\".",
                "kpi-service/src/main/java/org/tic/kpi/repository/ClusterRecordRepository.java (signatoriesOn, infos)",
                "One statement: `select c.id, c.country, … from cluster_record c where exists (select 1 from "
                        + "cluster_status_period p where p.cluster_id = c.id and p.status = 'SIGNATORY' and p.valid_from <= ?1 "
                        + "and (p.valid_to is null or p.valid_to > ?1))`, read into the ClusterInfo projection (not managed "
                        + "entities); where an id list is unavoidable, bind it as one uuid[] (`= any(?1)`).",
                "The roll-ups work at any size; one round trip instead of two; no 95,000-entity persistence context "
                        + "per request (the thread samples at scale show Hibernate building the IN list and hashing entities).");

        report.recommend(
                "Today's roll-up reads every current value (300,000 rows at 100,000 clusters) and every signatory into "
                        + "Java on each request and aggregates there: summary p50 " + summarySmall + " ms at 40 clusters, "
                        + summaryHalf + " ms at half scale (target: ≤ 1.5× at 100,000). The as-of roll-up runs DISTINCT ON "
                        + "over every version reported before the date.",
                "kpi-service/src/main/java/org/tic/kpi/service/InitiativeService.java (inputOn, summary, breakdown), "
                        + "repository/CurrentValueRepository.java (all), domain/RollupCalculator.java",
                "(a) Aggregate the common case in PostgreSQL: per bucket sum/count of kpi_current joined to today's "
                        + "signatories (group by bucket_key, and by country/region/type/sector for breakdowns), and apply "
                        + "the merge and project rules in Java only to the few merged clusters and project-level values. "
                        + "(b) Cache today's roll-up in memory keyed by the data version the dashboard already exposes "
                        + "(/api/v1/initiative/version), recomputed once per change instead of once per request.",
                "Current-date summary/breakdowns at 100,000 clusters within ~1.5× of 40 clusters on a cache hit, and an "
                        + "order of magnitude faster on a miss (one aggregate query instead of 300,000 rows to Java).");

        report.recommend(
                "kpi-service consumes membership events one at a time (@Blocking, ordered), one transaction per event, "
                        + "each rebuilding the cluster's status periods (delete + one insert per period) and running the "
                        + "totals check: the consumer falls behind well below the target rate, and the lag is queueing "
                        + "in front of it (see 'where the lag goes' in scenario 4: the relay and Kafka take milliseconds).",
                "kpi-service/src/main/java/org/tic/kpi/event/MembershipEventsConsumer.java, "
                        + "service/ClusterProjectionService.java, repository/ClusterRecordRepository.java (replacePeriods)",
                "Consume in batches (`@Incoming` with batch=true: the records of one poll, applied in order in one "
                        + "transaction, idempotency rows inserted together), write the periods with one multi-row "
                        + "insert (or update only the changed tail), and drop the per-event totals check (first fix).",
                "Consumer throughput × batch size; lag p99 close to raw Kafka's at the rates this machine sustains.");

        report.recommend(
                "The filtered cluster list (status + sort by name, id) has no matching index: each page reads all "
                        + "matching rows and top-N sorts them, plus a count(*) over the same rows (see the plans in "
                        + "scenario 1).",
                "membership-service/src/main/resources/db/migration (new V4__cluster_list_index.sql), "
                        + "repository/ClusterRepository.java (search)",
                "`create index cluster_status_name_idx on cluster (status, name, id)` (and (name, id) for unfiltered "
                        + "lists); offer keyset paging (after=name,id) for deep pages and an estimated or capped count.",
                "A page becomes an index range scan of offset + 50 entries instead of a sort of all matching rows: "
                        + "several-fold list req/s at 100,000 clusters; the count stays O(matches) until it is capped.");

        report.recommend(
                "The bulk import applies one transaction per row (pending-row fetch, cluster lookup by slug, report "
                        + "insert + flush, advisory lock + top-1 + current-value upsert, outbox insert, row status + job "
                        + "counters + lease update).",
                "kpi-service/src/main/java/org/tic/kpi/service/ImportWorker.java (run, apply), repository/ImportRepository.java",
                "Apply rows in chunks (e.g. 200 per transaction) with a savepoint per row, so a failing row still "
                        + "rolls back alone; resolve the chunk's slugs/ids in one query; update row statuses, job counters "
                        + "and the lease once per chunk.",
                "Transactions per row from ~2 to 1/200 and most per-row round trips gone: an order of magnitude more "
                        + "rows/s, bringing 100,000 rows towards the 10 s target.");

        if (s1 != null) {
            report.recommend(
                    "GET /clusters/{id} reaches a few percent of pgbench -S: the query itself is as fast as pgbench's "
                            + "(see 'pgbench: SELECT * FROM cluster WHERE id = ?'), the rest is per-request work in the "
                            + "service (HTTP, a Hibernate session and entity load, JSON, ETag) on two shared cores.",
                    "membership-service/src/main/java/org/tic/membership/rest/ClusterResource.java (get), service/ClusterService.java",
                    "Read the cluster with a read-only projection query (no managed entity: `select new ClusterView(…)` "
                            + "or a native query mapped by Jackson), mark the read path @Transactional(SUPPORTS) + "
                            + "read-only, and let clients revalidate with If-None-Match (the ETag is the version).",
                    "Roughly 1.5-2× req/s on the read path; the target ratio of 0.6 of raw pgbench is not reachable "
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
