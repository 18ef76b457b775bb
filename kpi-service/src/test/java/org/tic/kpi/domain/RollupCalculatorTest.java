package org.tic.kpi.domain;

import org.junit.jupiter.api.Test;
import org.tic.kpi.domain.RollupCalculator.ClusterInfo;
import org.tic.kpi.domain.RollupCalculator.Group;
import org.tic.kpi.domain.RollupCalculator.Input;
import org.tic.kpi.domain.RollupCalculator.Merge;
import org.tic.kpi.domain.RollupCalculator.ProjectInfo;
import org.tic.kpi.domain.RollupCalculator.Rollup;
import org.tic.kpi.domain.RollupCalculator.Total;
import org.tic.kpi.domain.RollupCalculator.Value;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollupCalculatorTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 30);
    private static final MetricBucket POTENTIAL = MetricBucket.parse("CO2E|POTENTIAL_REDUCTION|SCOPE_1_2");
    private static final MetricBucket EMITTED = MetricBucket.parse("CO2E|EMITTED|SCOPE_1");
    private static final MetricBucket EMITTED_S3 = MetricBucket.parse("CO2E|EMITTED|SCOPE_3");
    private static final MetricBucket JOBS_HEAD = MetricBucket.parse("JOBS|CREATED|DIRECT|OPERATION|HEADCOUNT");
    private static final MetricBucket JOBS_FTE = MetricBucket.parse("JOBS|CREATED|DIRECT|OPERATION|FTE");
    private static final MetricBucket GDP_USD = MetricBucket.parse("GDP|TOTAL|USD");

    private final ClusterInfo humber = cluster("Humber", "GB", "EUROPE", "INDUSTRIAL_COMPLEX", "chemicals", "refining");
    private final ClusterInfo hynet = cluster("HyNet", "GB", "EUROPE", "INDUSTRIAL_COMPLEX", "refining");
    private final ClusterInfo kwinana = cluster("Kwinana", "AU", "ASIA_PACIFIC", "INDUSTRIAL_COMPLEX", "minerals");
    private final ClusterInfo basque = cluster("Basque", "ES", "EUROPE", "ENERGY_HUB", "steel");

    @Test
    void valuesInDifferentUnitsAddUpOnceNormalised() {
        List<Value> values = List.of(
                value(humber, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "10"),
                value(hynet, POTENTIAL, KpiUnit.KT_CO2E_PER_YEAR, "4500"),
                value(kwinana, POTENTIAL, KpiUnit.T_CO2E_PER_YEAR, "250000"));
        Total t = total(RollupCalculator.compute(input(List.of(humber, hynet, kwinana, basque), values)), POTENTIAL);
        assertEquals(0, new BigDecimal("14.75").compareTo(t.total()));
        assertEquals(3, t.reporting());
        assertEquals(4, t.inScope(), "coverage: 3 of 4 signatories reported");
    }

    @Test
    void metricTypesAndScopesAreNeverMixed() {
        List<Value> values = List.of(
                value(humber, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "10"),
                value(humber, EMITTED, KpiUnit.MT_CO2E_PER_YEAR, "12"),
                value(hynet, EMITTED, KpiUnit.MT_CO2E_PER_YEAR, "8"),
                value(hynet, EMITTED_S3, KpiUnit.MT_CO2E_PER_YEAR, "30"),
                value(kwinana, EMITTED_S3, KpiUnit.MT_CO2E_PER_YEAR, "40"));
        Rollup r = RollupCalculator.compute(input(List.of(humber, hynet, kwinana), values));
        assertEquals(3, r.totals().size());
        assertEquals(0, BigDecimal.TEN.compareTo(total(r, POTENTIAL).total()));
        assertEquals(0, new BigDecimal("20").compareTo(total(r, EMITTED).total()));
        Total scope3 = total(r, EMITTED_S3);
        assertNull(scope3.total(), "scope 3 is shown with coverage but not summed");
        assertEquals(2, scope3.reporting());
    }

    @Test
    void jobUnitsThatDoNotConvertStayApart() {
        Rollup r = RollupCalculator.compute(input(List.of(humber, hynet), List.of(
                value(humber, JOBS_HEAD, KpiUnit.HEADCOUNT, "1000"),
                value(hynet, JOBS_FTE, KpiUnit.FTE, "800.5"))));
        assertEquals(0, new BigDecimal("1000").compareTo(total(r, JOBS_HEAD).total()));
        assertEquals(0, new BigDecimal("800.5").compareTo(total(r, JOBS_FTE).total()));
        assertEquals(1, total(r, JOBS_FTE).reporting());
    }

    @Test
    void onlySignatoriesOnTheDateCount() {
        // kwinana reported but is not a signatory on the date (e.g. suspended): its value stays out, and so does its country
        Rollup r = RollupCalculator.compute(input(List.of(humber, hynet), List.of(
                value(humber, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "10"),
                value(kwinana, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "7"))));
        assertEquals(2, r.signatories().size());
        assertEquals(Set.of("GB"), r.countries());
        assertEquals(0, BigDecimal.TEN.compareTo(total(r, POTENTIAL).total()));
        assertEquals(1, total(r, POTENTIAL).reporting());
    }

    @Test
    void supersededValuesNeverCountAndAsOfSeesTheValueThatStoodThen() {
        record V(SubjectType subjectType, UUID subjectId, String bucketKey, UUID reportId, LocalDate reportedOn,
                 LocalDate validTo, LocalDate periodEnd, Instant recordedAt, BigDecimal amount)
                implements ValueSelector.Candidate {
        }
        V original = new V(SubjectType.CLUSTER, humber.id(), POTENTIAL.key(), UUID.randomUUID(), LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 9, 1), LocalDate.of(2023, 12, 31), Instant.now(), new BigDecimal("12"));
        V correction = new V(SubjectType.CLUSTER, humber.id(), POTENTIAL.key(), UUID.randomUUID(), LocalDate.of(2024, 9, 1),
                null, LocalDate.of(2023, 12, 31), Instant.now(), new BigDecimal("9"));
        for (var c : List.of(new Object[]{LocalDate.of(2024, 8, 31), "12"}, new Object[]{LocalDate.of(2024, 9, 1), "9"})) {
            LocalDate d = (LocalDate) c[0];
            List<Value> values = ValueSelector.selectOn(List.of(original, correction), d).stream()
                    .map(v -> new Value(v.subjectType(), v.subjectId(), POTENTIAL, v.amount(), v.reportId(), v.reportedOn(), null))
                    .toList();
            Rollup r = RollupCalculator.compute(new Input(d, List.of(humber), List.of(), List.of(), values));
            assertEquals(0, new BigDecimal((String) c[1]).compareTo(total(r, POTENTIAL).total()), "as of " + d);
            assertEquals(1, total(r, POTENTIAL).reportsUsed());
        }
    }

    @Test
    void afterAMergeThePredecessorsAreNotCountedAlongsideTheSuccessor() {
        ClusterInfo joint = cluster("Joint", "GB", "EUROPE", "INDUSTRIAL_COMPLEX", "chemicals");
        LocalDate mergedOn = LocalDate.of(2025, 3, 1);
        List<Merge> merges = List.of(new Merge(humber.id(), joint.id(), mergedOn), new Merge(hynet.id(), joint.id(), mergedOn));
        List<Value> values = new ArrayList<>(List.of(
                value(humber, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "10", LocalDate.of(2024, 5, 1)),
                value(hynet, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "5", LocalDate.of(2024, 5, 1))));

        // Before the merge: both predecessors, no successor.
        Rollup before = RollupCalculator.compute(new Input(mergedOn.minusDays(1), List.of(humber, hynet), merges, List.of(), values));
        assertEquals(2, before.signatories().size());
        assertEquals(0, new BigDecimal("15").compareTo(total(before, POTENTIAL).total()));

        // After: membership may still (briefly) list a predecessor; the lineage wins and the successor inherits.
        Rollup after = RollupCalculator.compute(new Input(DAY, List.of(joint, humber), merges, List.of(), values));
        assertEquals(Set.of(joint.id()), after.signatories().keySet());
        Total inherited = total(after, POTENTIAL);
        assertEquals(0, new BigDecimal("15").compareTo(inherited.total()));
        assertEquals(1, inherited.reporting());
        assertEquals(1, inherited.inScope());
        assertEquals(2, inherited.inheritedValues());

        // The joint cluster reports for itself after the merge: its value replaces the predecessors'.
        values.add(value(joint, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "13", LocalDate.of(2025, 4, 1)));
        Total own = total(RollupCalculator.compute(new Input(DAY, List.of(joint), merges, List.of(), values)), POTENTIAL);
        assertEquals(0, new BigDecimal("13").compareTo(own.total()));
        assertEquals(0, own.inheritedValues());
        assertEquals(1, own.reportsUsed());
    }

    @Test
    void anAbsorbingSuccessorsPreMergeValueAddsToTheAbsorbedClusters() {
        LocalDate mergedOn = LocalDate.of(2025, 3, 1);
        List<Merge> merges = List.of(new Merge(hynet.id(), humber.id(), mergedOn));
        List<Value> values = List.of(
                value(humber, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "10", LocalDate.of(2024, 5, 1)),
                value(hynet, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "5", LocalDate.of(2024, 5, 1)));
        Rollup r = RollupCalculator.compute(new Input(DAY, List.of(humber, hynet), merges, List.of(), values));
        assertEquals(1, r.signatories().size());
        assertEquals(0, new BigDecimal("15").compareTo(total(r, POTENTIAL).total()));
        var figure = r.clusterFigures().get(0);
        assertEquals(humber.id(), figure.clusterId());
        assertEquals(List.of(hynet.id()), figure.inheritedFrom());
        assertEquals(0, BigDecimal.TEN.compareTo(figure.ownAmount()));
    }

    @Test
    void mergeChainsResolveToTheLastSuccessor() {
        ClusterInfo a = cluster("A", "ES", "EUROPE", "PORT"), b = cluster("B", "ES", "EUROPE", "PORT"),
                c = cluster("C", "ES", "EUROPE", "PORT");
        List<Merge> merges = List.of(new Merge(a.id(), b.id(), LocalDate.of(2024, 1, 1)),
                new Merge(b.id(), c.id(), LocalDate.of(2025, 1, 1)));
        ProjectInfo p = project("Pipeline", Set.of(a.id()));
        List<Value> values = List.of(value(a, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "2", LocalDate.of(2023, 1, 1)),
                projectValue(p, JOBS_HEAD, KpiUnit.HEADCOUNT, "50"));
        Rollup r = RollupCalculator.compute(new Input(DAY, List.of(c), merges, List.of(p), values));
        assertEquals(0, new BigDecimal("2").compareTo(total(r, POTENTIAL).total()));
        assertEquals(Set.of(c.id()), r.clustersOf(p.id()), "the project follows its cluster's lineage");
        assertEquals(0, new BigDecimal("50").compareTo(total(r, JOBS_HEAD).total()));
        assertEquals(c.id(), RollupCalculator.resolve(a.id(), merges, DAY));
        assertEquals(b.id(), RollupCalculator.resolve(a.id(), merges, LocalDate.of(2024, 6, 1)));
    }

    @Test
    void aSharedProjectCountsOnceInTheTotalAndInEachClustersGroup() {
        ProjectInfo corridor = project("Hydrogen corridor", Set.of(humber.id(), basque.id()));
        List<Value> values = List.of(projectValue(corridor, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "3"));
        Rollup r = RollupCalculator.compute(new Input(DAY, List.of(humber, basque, kwinana), List.of(), List.of(corridor), values));
        Total t = total(r, POTENTIAL);
        assertEquals(0, new BigDecimal("3").compareTo(t.total()), "once, not once per cluster");
        assertEquals(1, t.projectsCounted());
        assertEquals(2, t.reporting(), "both clusters contribute through the project");
        assertTrue(r.projectFigures().get(0).shared());

        List<Group> byCountry = RollupCalculator.breakdownByCluster(r, c -> List.of(c.country()));
        assertEquals(List.of("AU", "ES", "GB"), byCountry.stream().map(Group::key).toList());
        Group es = byCountry.get(1);
        Group gb = byCountry.get(2);
        assertEquals(0, new BigDecimal("3").compareTo(es.totals().get(0).total()));
        assertEquals(0, new BigDecimal("3").compareTo(gb.totals().get(0).total()));
        assertEquals(1, gb.sharedProjects());
        assertTrue(byCountry.get(0).totals().isEmpty());
    }

    @Test
    void aProjectIsCoveredWhenOneOfItsClustersReportsAClusterFigure() {
        ProjectInfo corridor = project("Corridor", Set.of(humber.id(), basque.id()));
        ProjectInfo local = project("Local CCS", Set.of(kwinana.id()));
        List<Value> values = List.of(
                value(humber, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "10"),
                projectValue(corridor, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "3"),
                projectValue(local, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "1"));
        Rollup r = RollupCalculator.compute(new Input(DAY, List.of(humber, basque, kwinana), List.of(),
                List.of(corridor, local), values));
        Total t = total(r, POTENTIAL);
        assertEquals(0, new BigDecimal("11").compareTo(t.total()), "humber's 10 includes the corridor; kwinana's project adds 1");
        assertEquals(0, BigDecimal.TEN.compareTo(t.fromClusters()));
        assertEquals(0, BigDecimal.ONE.compareTo(t.fromProjects()));
        assertEquals(1, t.projectsCovered());
        assertEquals(1, t.projectsCounted());
        assertEquals(2, t.reporting());

        List<Group> byCategory = RollupCalculator.breakdownByProject(r, ProjectInfo::category);
        assertEquals(1, byCategory.size());
        Total projects = byCategory.get(0).totals().get(0);
        assertEquals(0, new BigDecimal("4").compareTo(projects.total()), "category view: every project value once");
        assertEquals(2, projects.reporting());
        assertEquals(2, projects.inScope());
    }

    @Test
    void cancelledProjectsAndProjectsOfNonSignatoriesDropOut() {
        ProjectInfo cancelled = new ProjectInfo(UUID.randomUUID(), "Cancelled", "CO2_CAPTURE", "CANCELLED",
                Set.of(humber.id()), LocalDate.of(2025, 1, 1));
        ProjectInfo elsewhere = project("Elsewhere", Set.of(kwinana.id()));
        List<Value> values = List.of(projectValue(cancelled, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "3"),
                projectValue(elsewhere, POTENTIAL, KpiUnit.MT_CO2E_PER_YEAR, "2"));
        Rollup r = RollupCalculator.compute(new Input(DAY, List.of(humber), List.of(), List.of(cancelled, elsewhere), values));
        assertTrue(r.totals().isEmpty());
        Rollup earlier = RollupCalculator.compute(new Input(LocalDate.of(2024, 12, 31), List.of(humber), List.of(),
                List.of(cancelled, elsewhere), values));
        assertEquals(0, new BigDecimal("3").compareTo(total(earlier, POTENTIAL).total()), "before its cancellation it counted");
    }

    @Test
    void breakdownsBySectorCountAClusterInEachOfItsSectors() {
        Rollup r = RollupCalculator.compute(input(List.of(humber, hynet), List.of(
                value(humber, GDP_USD, KpiUnit.CURRENCY_MILLIONS, "1500"),
                value(hynet, GDP_USD, KpiUnit.CURRENCY_BILLIONS, "2"))));
        assertEquals(0, new BigDecimal("3.5").compareTo(total(r, GDP_USD).total()), "millions normalised to billions");
        List<Group> bySector = RollupCalculator.breakdownByCluster(r, ClusterInfo::sectors);
        assertEquals(List.of("chemicals", "refining"), bySector.stream().map(Group::key).toList());
        assertEquals(0, new BigDecimal("1.5").compareTo(bySector.get(0).totals().get(0).total()));
        assertEquals(0, new BigDecimal("3.5").compareTo(bySector.get(1).totals().get(0).total()));
        assertEquals(2, bySector.get(1).clusters());
    }

    @Test
    void gwpSetsMixedInATotalAreListed() {
        Rollup r = RollupCalculator.compute(input(List.of(humber, hynet), List.of(
                new Value(SubjectType.CLUSTER, humber.id(), POTENTIAL, BigDecimal.ONE, UUID.randomUUID(), DAY, "AR6_GWP100"),
                new Value(SubjectType.CLUSTER, hynet.id(), POTENTIAL, BigDecimal.ONE, UUID.randomUUID(), DAY, "AR5_GWP100"))));
        assertEquals(List.of("AR5_GWP100", "AR6_GWP100"), List.copyOf(total(r, POTENTIAL).qualifiers()));
    }

    @Test
    void percentagesOfMergedClustersAreNotCombined() {
        MetricBucket share = MetricBucket.parse("OTHER|renewable share|PERCENT");
        ClusterInfo joint = cluster("Joint", "GB", "EUROPE", "PORT");
        List<Merge> merges = List.of(new Merge(humber.id(), joint.id(), LocalDate.of(2025, 1, 1)),
                new Merge(hynet.id(), joint.id(), LocalDate.of(2025, 1, 1)));
        List<Value> values = List.of(value(humber, share, KpiUnit.PERCENT, "40"), value(hynet, share, KpiUnit.PERCENT, "60"));
        Rollup r = RollupCalculator.compute(new Input(DAY, List.of(joint), merges, List.of(), values));
        assertNull(r.clusterFigures().get(0).amount());
        assertNull(total(r, share).total());
        assertFalse(total(r, share).bucket().summable());
    }

    // --- helpers

    private static ClusterInfo cluster(String name, String country, String region, String type, String... sectors) {
        return new ClusterInfo(UUID.randomUUID(), name, country, region, type, List.of(sectors));
    }

    private static ProjectInfo project(String name, Set<UUID> clusters) {
        return new ProjectInfo(UUID.randomUUID(), name, "CO2_TRANSPORT_STORAGE", "FID", clusters, null);
    }

    private static Value value(ClusterInfo c, MetricBucket b, KpiUnit unit, String amount) {
        return value(c, b, unit, amount, LocalDate.of(2025, 1, 22));
    }

    private static Value value(ClusterInfo c, MetricBucket b, KpiUnit unit, String amount, LocalDate reportedOn) {
        return new Value(SubjectType.CLUSTER, c.id(), b, unit.toBase(new BigDecimal(amount)), UUID.randomUUID(), reportedOn, null);
    }

    private static Value projectValue(ProjectInfo p, MetricBucket b, KpiUnit unit, String amount) {
        return new Value(SubjectType.PROJECT, p.id(), b, unit.toBase(new BigDecimal(amount)), UUID.randomUUID(),
                LocalDate.of(2025, 1, 22), null);
    }

    private static Input input(List<ClusterInfo> signatories, List<Value> values) {
        return new Input(DAY, signatories, List.of(), List.of(), values);
    }

    private static Total total(Rollup r, MetricBucket b) {
        return r.totals().stream().filter(t -> t.bucket().equals(b)).findFirst()
                .orElseThrow(() -> new AssertionError("no total for " + b.key() + " in " + r.totals()));
    }
}
