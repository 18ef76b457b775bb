package org.tic.kpi;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.domain.ValueSelector;
import org.tic.kpi.mapping.BreakdownView;
import org.tic.kpi.mapping.RollupMapper;
import org.tic.kpi.mapping.SummaryView;
import org.tic.kpi.repository.ClusterRecordRepository;
import org.tic.kpi.repository.KpiReportRepository;
import org.tic.kpi.repository.ProjectRecordRepository;
import org.tic.kpi.service.InitiativeService;
import org.tic.kpi.service.InitiativeService.BreakdownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The roll-ups as served (plain signatories aggregated in SQL, linked ones in memory, cached per date) against the
 * simple way: every version and period loaded, the standing value chosen in Java ({@link ValueSelector}) and the
 * whole initiative run through {@link RollupCalculator}. On generated histories (status changes, corrections,
 * merges, shared and cancelled projects, buckets that are not summable), at many dates, before and after changes
 * that must or must not invalidate the cached dates.
 */
@QuarkusTest
class AsOfRollupTest {

    private static final List<String> BUCKETS = List.of("CO2E|POTENTIAL_REDUCTION|SCOPE_1_2", "CO2E|EMITTED|SCOPE_3",
            "JOBS|CREATED|DIRECT|OPERATION|HEADCOUNT");
    private static final List<String> COUNTRIES = List.of("GB", "NL", "AU", "ES");

    @Inject
    InitiativeService service;
    @Inject
    RollupMapper mapper;
    @Inject
    ClusterRecordRepository clusters;
    @Inject
    ProjectRecordRepository projects;
    @Inject
    KpiReportRepository reports;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void servedRollupsEqualARecomputationAtEveryDateAndAfterEveryKindOfChange() {
        Db.reset();
        Random rnd = new Random(20251205);
        List<UUID> ids = generate(rnd, 60);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            dates.add(today.minusDays(40L + 90L * i));
        }
        dates.add(today);

        assertAllDates(dates, "generated history");
        assertAllDates(dates, "the same dates again (cached)");

        // A report dated today: past dates keep their (cached) answers, today's changes.
        UUID plain = ids.get(0);
        Fixtures.report(Fixtures.co2e(plain, "7", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", today.toString()));
        assertAllDates(dates, "after a report dated today");

        // Back-dated: every cached date from then on must change.
        Fixtures.report(Fixtures.co2e(ids.get(1), "3", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION",
                today.minusDays(400).toString()));
        assertAllDates(dates, "after a back-dated report");

        // A correction of a generated version (current, reported long ago).
        String current = Db.text("select id from kpi_report where current_version and subject_type = 'CLUSTER' "
                + "and bucket_key = '" + BUCKETS.get(0) + "' and reported_on < '" + today.minusDays(500) + "' order by id limit 1");
        Api.given().header("If-Match", "\"" + Db.count("select revision from kpi_report where id = '" + current + "'") + "\"")
                .contentType("application/json")
                .body(Map.of("reason", "restated", "report", Fixtures.co2e(
                        UUID.fromString(Db.text("select subject_id from kpi_report where id = '" + current + "'")),
                        "123.5", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", today.minusDays(300).toString())))
                .post("/api/v1/kpi-reports/" + current + "/corrections").then().statusCode(201);
        assertAllDates(dates, "after a correction");

        // Changes made outside the service's write paths (no change-log row): cached dates must not survive them.
        Db.execute("insert into cluster_merge values ('" + UUID.randomUUID() + "', '" + ids.get(2) + "', '" + ids.get(3)
                + "', '" + today.minusDays(200) + "'); update initiative_totals set data_version = data_version + 1 where id = 1");
        assertAllDates(dates, "after a merge (a plain cluster becomes linked)");
    }

    private void assertAllDates(List<LocalDate> dates, String when) {
        Brute brute = QuarkusTransaction.requiringNew().call(this::loadEverything);
        for (LocalDate d : dates) {
            RollupCalculator.Rollup expected = brute.rollupOn(d);
            SummaryView served = QuarkusTransaction.requiringNew().call(() -> service.summary(d));
            String at = when + ", as of " + d;
            assertEquals(expected.signatories().size(), served.signatoryClusters(), at);
            assertEquals(List.copyOf(expected.countries()), served.countryCodes(), at);
            assertEquals(mapper.toViews(expected.totals(), "CLUSTERS"), served.totals(), at);
            assertBreakdown(expected, d, BreakdownBy.COUNTRY, c -> c.country() == null ? List.of() : List.of(c.country()), at);
            assertBreakdown(expected, d, BreakdownBy.SECTOR, RollupCalculator.ClusterInfo::sectors, at);
            assertBreakdown(expected, d, BreakdownBy.COHORT, c -> c.cohort() == null ? List.of() : List.of(c.cohort()), at);
            BreakdownView stages = QuarkusTransaction.requiringNew().call(() -> service.breakdown(BreakdownBy.STAGE, d));
            assertEquals(RollupCalculator.breakdownByProject(expected, RollupCalculator.ProjectInfo::stage).size(),
                    stages.groups().size(), at);
        }
        assertTrue(brute.rollupOn(dates.get(0)).totals().size() >= 2, "the generated history reports values");
    }

    private void assertBreakdown(RollupCalculator.Rollup expected, LocalDate d, BreakdownBy by,
                                 Function<RollupCalculator.ClusterInfo, Collection<String>> keys, String at) {
        List<BreakdownView.GroupView> want = RollupCalculator.breakdownByCluster(expected, keys).stream()
                .map(g -> new BreakdownView.GroupView(g.key(), g.clusters(), List.copyOf(g.countries()), g.projects(),
                        g.sharedProjects(), mapper.toViews(g.totals(), "CLUSTERS"), null)).toList();
        BreakdownView served = QuarkusTransaction.requiringNew().call(() -> service.breakdown(by, d));
        // The roll-up's groups; the policy level beside them (and adopting countries without clusters) is not its business.
        List<BreakdownView.GroupView> rolledUp = served.groups().stream()
                .filter(g -> !(g.clusters() == 0 && g.policy() != null && g.policy().adopted()))
                .map(g -> new BreakdownView.GroupView(g.key(), g.clusters(), g.countries(), g.projects(), g.sharedProjects(),
                        g.totals(), null)).toList();
        assertEquals(want, rolledUp, at + " by " + by.param);
    }

    /** Everything, loaded the simple way. */
    private record Brute(List<ClusterRecordRepository.SignatoryPeriod> periods, Map<UUID, RollupCalculator.ClusterInfo> infos,
                         List<RollupCalculator.Merge> merges, List<RollupCalculator.ProjectInfo> projects,
                         List<KpiReportRepository.VersionRow> versions) {

        RollupCalculator.Rollup rollupOn(LocalDate d) {
            Set<UUID> ids = new LinkedHashSet<>();
            periods.stream().filter(p -> p.covers(d)).forEach(p -> ids.add(p.clusterId()));
            List<RollupCalculator.ClusterInfo> signatories = ids.stream().map(infos::get).filter(Objects::nonNull).toList();
            List<RollupCalculator.Value> values = ValueSelector.selectOn(versions, d).stream()
                    .map(KpiReportRepository.VersionRow::toValue).toList();
            return RollupCalculator.compute(new RollupCalculator.Input(d, signatories, merges, projects, values));
        }
    }

    private Brute loadEverything() {
        return new Brute(clusters.signatoryPeriods(), clusters.allInfos(), clusters.merges(), projects.allInfos(),
                reports.versionsUpTo(today));
    }

    /**
     * Clusters with status histories, merges, projects and report series with corrections, written straight into the
     * read-model tables (what the consumers and the report service would have written).
     */
    private List<UUID> generate(Random rnd, int n) {
        List<UUID> ids = new ArrayList<>();
        StringJoiner clusterRows = new StringJoiner(",\n");
        StringJoiner periodRows = new StringJoiner(",\n");
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String country = rnd.nextInt(8) == 0 ? "null" : "'" + COUNTRIES.get(rnd.nextInt(COUNTRIES.size())) + "'";
            String sectors = switch (rnd.nextInt(4)) {
                case 0 -> "'{}'";
                case 1 -> "'{steel}'";
                case 2 -> "'{steel,chemicals}'";
                default -> "'{hydrogen}'";
            };
            LocalDate joined = today.minusDays(100 + rnd.nextInt(1200));
            // i = 0, 1 stay signatories from their join date (the changes above use them)
            boolean left = i > 1 && rnd.nextInt(4) == 0;
            LocalDate leftOn = joined.plusDays(30 + rnd.nextInt(300));
            clusterRows.add("('%s', 'gen-%d', 'Generated %d', %s, 'EUROPE', 'PORT', %s, '%s', '%s', %d, 2, now())"
                    .formatted(id, i, i, country, sectors, left ? "SUSPENDED" : "SIGNATORY", joined, joined.getYear()));
            periodRows.add("('%s', 0, 'APPLICANT', '%s', '%s', 'OBSERVED')".formatted(id, joined.minusDays(60), joined));
            periodRows.add("('%s', 1, 'SIGNATORY', '%s', %s, 'JOINED_DATE')".formatted(id, joined, left ? "'" + leftOn + "'" : "null"));
            if (left) {
                periodRows.add("('%s', 2, 'SUSPENDED', '%s', null, 'EXPLICIT')".formatted(id, leftOn));
            }
        }
        Db.execute("insert into cluster_record (id, slug, name, country, world_region, type, sectors, status, joined_date, "
                + "joined_year, version, updated_at) values " + clusterRows);
        Db.execute("insert into cluster_status_period (cluster_id, seq, status, valid_from, valid_to, origin) values " + periodRows);

        StringJoiner merges = new StringJoiner(",\n");
        for (int m = 0; m < 4; m++) {
            int a = 10 + rnd.nextInt(n - 12);
            int b = a + 1 + rnd.nextInt(n - a - 1);
            merges.add("('%s', '%s', '%s', '%s')".formatted(UUID.randomUUID(), ids.get(a), ids.get(b),
                    today.minusDays(rnd.nextInt(900))));
        }
        Db.execute("insert into cluster_merge (merge_id, predecessor_id, successor_id, effective_date) values " + merges);

        List<UUID> projectIds = new ArrayList<>();
        StringJoiner projectRows = new StringJoiner(",\n");
        for (int p = 0; p < 6; p++) {
            UUID id = UUID.randomUUID();
            projectIds.add(id);
            UUID lead = ids.get(10 + rnd.nextInt(n - 10));
            String participating = p % 2 == 0 ? "'{}'" : "'{" + ids.get(10 + rnd.nextInt(n - 10)) + "}'";
            projectRows.add("('%s', 'Project %d', '%s', '%s', %s, '%s', %s, 1, now())".formatted(id, p,
                    p % 3 == 0 ? "HYDROGEN" : "CCUS", p % 2 == 0 ? "FID" : "CONCEPT",
                    p == 5 ? "'" + today.minusDays(250) + "'" : "null", lead, participating));
        }
        Db.execute("insert into project_record (id, name, category, stage, cancelled_on, lead_cluster_id, "
                + "participating_cluster_ids, version, updated_at) values " + projectRows);

        StringJoiner reportRows = new StringJoiner(",\n");
        List<String[]> subjects = new ArrayList<>();
        ids.forEach(id -> subjects.add(new String[]{"CLUSTER", id.toString()}));
        projectIds.forEach(id -> subjects.add(new String[]{"PROJECT", id.toString()}));
        for (String[] subject : subjects) {
            for (String bucket : BUCKETS) {
                if (rnd.nextInt(4) == 0) {
                    continue;
                }
                boolean co2e = bucket.startsWith("CO2E");
                for (int year = 2022; year <= 2024; year++) {
                    if (rnd.nextBoolean()) {
                        continue; // not every period reported
                    }
                    UUID series = UUID.randomUUID();
                    LocalDate reported = today.minusDays(50 + rnd.nextInt(1100));
                    int revisions = 1 + (rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(2) : 0);
                    UUID previous = null;
                    for (int rev = 1; rev <= revisions; rev++) {
                        UUID id = rev == 1 ? series : UUID.randomUUID();
                        LocalDate next = reported.plusDays(20 + rnd.nextInt(200));
                        boolean last = rev == revisions || !next.isBefore(today); // nothing reported in the future
                        String value = (rnd.nextInt(100_000) / 100.0) + "";
                        reportRows.add(("('%s', '%s', %d, %s, %s, %s, %s, '%s', '%s', '%s', %s, %s, %s, %s, 'MT_CO2E_PER_YEAR', "
                                + "'%s', %s, 'MT_CO2E_PER_YEAR', '%d-01-01', '%d-12-31', '%s', 'Generated', 'REPORTED', "
                                + "'%s'::timestamptz + interval '%d minutes', 'gen', 0)").formatted(
                                id, series, rev, previous == null ? "null" : "'" + previous + "'",
                                last ? "null" : "'" + UUID.randomUUID() + "'", last ? "null" : "'" + next + "'", last,
                                subject[0], subject[1], co2e ? "CO2E" : "JOBS",
                                co2e ? "'" + bucket.split("\\|")[1] + "'" : "null", co2e ? "'" + bucket.split("\\|")[2] + "'" : "null",
                                co2e ? (rnd.nextBoolean() ? "'AR6_GWP100'" : "'AR5_GWP100'") : "null", value, bucket, value,
                                year, year, reported, reported, rnd.nextInt(600)));
                        previous = id;
                        reported = next;
                        if (last) {
                            break;
                        }
                    }
                }
            }
        }
        Db.execute("""
                insert into kpi_report (id, series_id, revision, supersedes_id, superseded_by_id, valid_to, current_version,
                    subject_type, subject_id, metric, co2e_metric_type, co2e_scope, gwp_set, value, unit, bucket_key,
                    normalised_value, normalised_unit, period_start, period_end, reported_on, reported_by, confidence,
                    recorded_at, recorded_by, version) values\s""" + reportRows);
        // The maintained current values, with the service's preference among current versions.
        Db.execute("""
                insert into kpi_current (subject_type, subject_id, bucket_key, report_id, normalised_value, qualifier, reported_on)
                select distinct on (subject_type, subject_id, bucket_key) subject_type, subject_id, bucket_key, id,
                       normalised_value, case metric when 'CO2E' then gwp_set else null end, reported_on
                from kpi_report where current_version
                order by subject_type, subject_id, bucket_key, period_end desc, reported_on desc, recorded_at desc, id desc;
                update initiative_totals set data_version = data_version + 1 where id = 1""");
        return ids;
    }
}
