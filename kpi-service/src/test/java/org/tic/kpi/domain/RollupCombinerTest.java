package org.tic.kpi.domain;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.tic.kpi.domain.RollupCalculator.ClusterInfo;
import org.tic.kpi.domain.RollupCalculator.Group;
import org.tic.kpi.domain.RollupCalculator.Input;
import org.tic.kpi.domain.RollupCalculator.Merge;
import org.tic.kpi.domain.RollupCalculator.ProjectInfo;
import org.tic.kpi.domain.RollupCalculator.Rollup;
import org.tic.kpi.domain.RollupCalculator.Total;
import org.tic.kpi.domain.RollupCalculator.Value;
import org.tic.kpi.domain.RollupCombiner.PlainBucket;
import org.tic.kpi.domain.RollupCombiner.PlainGroup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The split roll-up (plain part aggregated on its own, linked part by the calculator, added up) equals the calculator
 * over everything at once, on generated initiatives with merges, shared projects, cancelled projects and buckets
 * that are not summable. The plain part is computed here by the calculator on the plain clusters alone, which is
 * what kpi-service's SQL aggregates (the SQL itself is compared with a recomputation in AsOfRollupTest).
 */
class RollupCombinerTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final List<MetricBucket> BUCKETS = List.of(
            MetricBucket.parse("CO2E|POTENTIAL_REDUCTION|SCOPE_1_2"),
            MetricBucket.parse("CO2E|EMITTED|SCOPE_3"), // not summable
            MetricBucket.parse("JOBS|CREATED|DIRECT|OPERATION|HEADCOUNT"));
    private static final List<String> COUNTRIES = List.of("GB", "NL", "AU", "ES");
    private static final List<String> SECTORS = List.of("steel", "chemicals", "hydrogen");

    @RepeatedTest(40)
    void splitEqualsWhole(RepetitionInfo info) {
        Random rnd = new Random(7919L * info.getCurrentRepetition());
        Generated g = generate(rnd);
        Rollup whole = RollupCalculator.compute(g.all());
        Split split = g.split();

        RollupCombiner.Initiative combined = RollupCombiner.initiative(split.plainAll(), split.linked());
        assertEquals(whole.signatories().size(), combined.signatories());
        assertEquals(whole.countries(), combined.countries());
        assertTotals(whole.totals(), combined.totals());

        Function<ClusterInfo, Collection<String>> country = c -> c.country() == null ? List.of() : List.of(c.country());
        Function<ClusterInfo, Collection<String>> sectors = ClusterInfo::sectors;
        for (Function<ClusterInfo, Collection<String>> keys : List.of(country, sectors)) {
            List<Group> expected = RollupCalculator.breakdownByCluster(whole, keys);
            List<Group> actual = RollupCombiner.breakdown(split.plainGroups(keys),
                    RollupCalculator.breakdownByCluster(split.linked(), keys));
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                Group e = expected.get(i);
                Group a = actual.get(i);
                assertEquals(e.key(), a.key());
                assertEquals(e.clusters(), a.clusters(), e.key());
                assertEquals(e.countries(), a.countries(), e.key());
                assertEquals(e.projects(), a.projects(), e.key());
                assertEquals(e.sharedProjects(), a.sharedProjects(), e.key());
                assertTotals(e.totals(), a.totals());
            }
        }
    }

    @Test
    void generatedInitiativesExerciseBothParts() {
        int linkedCounted = 0;
        int plainCounted = 0;
        for (int i = 1; i <= 40; i++) {
            Split s = generate(new Random(7919L * i)).split();
            linkedCounted += s.linked().signatories().size();
            plainCounted += s.plainAll().clusters();
        }
        assertTrue(linkedCounted > 40 && plainCounted > 40, "both parts must hold signatories: " + linkedCounted + "/" + plainCounted);
    }

    private static void assertTotals(List<Total> expected, List<Total> actual) {
        assertEquals(expected.stream().map(t -> t.bucket().key()).toList(), actual.stream().map(t -> t.bucket().key()).toList());
        for (int i = 0; i < expected.size(); i++) {
            Total e = expected.get(i);
            Total a = actual.get(i);
            String k = e.bucket().key();
            assertSame(e.total(), a.total(), k + " total");
            assertSame(e.fromClusters(), a.fromClusters(), k + " fromClusters");
            assertSame(e.fromProjects(), a.fromProjects(), k + " fromProjects");
            assertEquals(e.reporting(), a.reporting(), k + " reporting");
            assertEquals(e.inScope(), a.inScope(), k + " inScope");
            assertEquals(e.projectsCounted(), a.projectsCounted(), k + " projectsCounted");
            assertEquals(e.projectsCovered(), a.projectsCovered(), k + " projectsCovered");
            assertEquals(e.inheritedValues(), a.inheritedValues(), k + " inheritedValues");
            assertEquals(e.reportsUsed(), a.reportsUsed(), k + " reportsUsed");
            assertEquals(e.qualifiers(), a.qualifiers(), k + " qualifiers");
        }
    }

    private static void assertSame(BigDecimal e, BigDecimal a, String what) {
        if (e == null || a == null) {
            assertEquals(e, a, what);
        } else {
            assertEquals(0, e.compareTo(a), what + ": " + e + " vs " + a);
        }
    }

    private record Generated(List<ClusterInfo> signatories, List<Merge> merges, List<ProjectInfo> projects,
                             List<Value> values) {

        Input all() {
            return new Input(AS_OF, signatories, merges, projects, values);
        }

        Split split() {
            Set<UUID> linked = new HashSet<>();
            merges.forEach(m -> {
                linked.add(m.predecessorId());
                linked.add(m.successorId());
            });
            projects.forEach(p -> linked.addAll(p.clusterIds()));
            List<ClusterInfo> plainSignatories = signatories.stream().filter(c -> !linked.contains(c.id())).toList();
            List<ClusterInfo> linkedSignatories = signatories.stream().filter(c -> linked.contains(c.id())).toList();
            List<Value> plainValues = values.stream()
                    .filter(v -> v.subjectType() == SubjectType.CLUSTER && !linked.contains(v.subjectId())).toList();
            List<Value> linkedValues = values.stream()
                    .filter(v -> v.subjectType() == SubjectType.PROJECT || linked.contains(v.subjectId())).toList();
            Rollup plain = RollupCalculator.compute(new Input(AS_OF, plainSignatories, List.of(), List.of(), plainValues));
            Rollup linkedRollup = RollupCalculator.compute(new Input(AS_OF, linkedSignatories, merges, projects, linkedValues));
            return new Split(plain, linkedRollup);
        }
    }

    /** The plain part as kpi-service's SQL returns it: per group, counts, countries and per-bucket aggregates. */
    private record Split(Rollup plain, Rollup linked) {

        PlainGroup plainAll() {
            return group(RollupCombiner.ALL, plain.signatories().size(), plain.countries(), plain.totals());
        }

        List<PlainGroup> plainGroups(Function<ClusterInfo, Collection<String>> keys) {
            return RollupCalculator.breakdownByCluster(plain, keys).stream()
                    .map(g -> group(g.key(), g.clusters(), g.countries(), g.totals())).toList();
        }

        private static PlainGroup group(String key, int clusters, java.util.SortedSet<String> countries, List<Total> totals) {
            Map<String, PlainBucket> buckets = new LinkedHashMap<>();
            for (Total t : totals) {
                buckets.put(t.bucket().key(), new PlainBucket(t.bucket().key(), t.bucket().summable() ? t.total() : null,
                        t.reporting(), t.qualifiers()));
            }
            return new PlainGroup(key, clusters, new java.util.TreeSet<>(countries), buckets);
        }
    }

    private static Generated generate(Random rnd) {
        int n = 8 + rnd.nextInt(20);
        List<ClusterInfo> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> sectors = new ArrayList<>();
            for (String s : SECTORS) {
                if (rnd.nextInt(3) == 0) {
                    sectors.add(s);
                }
            }
            clusters.add(new ClusterInfo(UUID.randomUUID(), "C" + i, rnd.nextInt(8) == 0 ? null : COUNTRIES.get(rnd.nextInt(4)),
                    "EUROPE", "PORT", sectors));
        }
        List<ClusterInfo> signatories = clusters.stream().filter(c -> rnd.nextInt(10) < 8).toList();
        List<Merge> merges = new ArrayList<>();
        for (int m = rnd.nextInt(4); m > 0; m--) {
            int a = rnd.nextInt(n - 1);
            int b = a + 1 + rnd.nextInt(n - a - 1); // predecessor before successor: no cycles
            merges.add(new Merge(clusters.get(a).id(), clusters.get(b).id(), AS_OF.minusDays(rnd.nextInt(400) - 30)));
        }
        List<ProjectInfo> projects = new ArrayList<>();
        for (int p = rnd.nextInt(5); p > 0; p--) {
            Set<UUID> ids = new HashSet<>();
            for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                ids.add(clusters.get(rnd.nextInt(n)).id());
            }
            projects.add(new ProjectInfo(UUID.randomUUID(), "P" + p, rnd.nextBoolean() ? "HYDROGEN" : "CCUS",
                    rnd.nextBoolean() ? "FID" : "CONCEPT", ids, rnd.nextInt(6) == 0 ? AS_OF.minusDays(10) : null));
        }
        List<Value> values = new ArrayList<>();
        for (ClusterInfo c : clusters) {
            for (MetricBucket b : BUCKETS) {
                if (rnd.nextInt(3) > 0) {
                    values.add(value(rnd, SubjectType.CLUSTER, c.id(), b));
                }
            }
        }
        for (ProjectInfo p : projects) {
            for (MetricBucket b : BUCKETS) {
                if (rnd.nextBoolean()) {
                    values.add(value(rnd, SubjectType.PROJECT, p.id(), b));
                }
            }
        }
        return new Generated(signatories, merges, projects, values);
    }

    private static Value value(Random rnd, SubjectType type, UUID id, MetricBucket b) {
        BigDecimal amount = BigDecimal.valueOf(rnd.nextInt(100_000), rnd.nextInt(4));
        String qualifier = b.metric() == Metric.CO2E ? (rnd.nextBoolean() ? "AR6_GWP100" : "AR5_GWP100") : null;
        return new Value(type, id, b, amount, UUID.randomUUID(), AS_OF.minusDays(rnd.nextInt(500)), qualifier);
    }
}
