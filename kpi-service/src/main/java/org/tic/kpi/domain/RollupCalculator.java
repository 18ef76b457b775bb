package org.tic.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The roll-up arithmetic, free of Quarkus and SQL: given who was a signatory on a date, the merges in effect,
 * the projects and one selected value per subject and bucket ({@link ValueSelector}), it computes the initiative
 * totals with their coverage, and the same figures grouped for breakdowns and per-cluster views.
 * <p>
 * Rules (also in the README):
 * <ul>
 *   <li>Only values of the same {@link MetricBucket} are added; a bucket that is not summable (scope 3,
 *       percentages) shows coverage but no total.</li>
 *   <li>Only signatories on the date count. A cluster merged away on or before the date is never counted on its
 *       own (even if its status says otherwise): its values pass to its successor.</li>
 *   <li>A successor's own value reported on or after a merge date speaks for the joint cluster and replaces the
 *       values of the predecessors merged on or before that date; otherwise its own value and the inherited ones
 *       add up (they covered different clusters).</li>
 *   <li>Cluster-level figures are taken to include the cluster's projects. A project-level value counts once in a
 *       total, and only when none of its (signatory) clusters has a cluster-level figure in that bucket; otherwise
 *       it is "covered" and not added again.</li>
 *   <li>Coverage: clusters contributing (directly, by inheritance, or through a counted project) out of the
 *       signatories in scope.</li>
 * </ul>
 */
public final class RollupCalculator {

    /** @param joinedYear the year it joined the initiative (its cohort), null when unknown */
    public record ClusterInfo(UUID id, String name, String country, String worldRegion, String type,
                              List<String> sectors, Integer joinedYear) {

        public ClusterInfo(UUID id, String name, String country, String worldRegion, String type, List<String> sectors) {
            this(id, name, country, worldRegion, type, sectors, null);
        }

        /** The cohort key: the joining year as text, null when unknown. */
        public String cohort() {
            return joinedYear == null ? null : String.valueOf(joinedYear);
        }
    }

    public record Merge(UUID predecessorId, UUID successorId, LocalDate effectiveDate) {
    }

    /** @param clusterIds lead and participating clusters */
    public record ProjectInfo(UUID id, String name, String category, String stage, Set<UUID> clusterIds,
                              LocalDate cancelledOn) {
    }

    /**
     * One selected value, already in its bucket's base unit.
     *
     * @param qualifier what may differ inside a bucket and is listed next to its total (GWP set, GDP price year)
     */
    public record Value(SubjectType subjectType, UUID subjectId, MetricBucket bucket, BigDecimal amount,
                        UUID reportId, LocalDate reportedOn, String qualifier) {
    }

    /** @param signatories the clusters whose status was SIGNATORY on {@code asOf} */
    public record Input(LocalDate asOf, Collection<ClusterInfo> signatories, Collection<Merge> merges,
                        Collection<ProjectInfo> projects, Collection<Value> values) {
    }

    /**
     * A cluster's figure in one bucket: its own value plus what it inherited from merged predecessors.
     * {@code amount} is null when a non-summable bucket would need values combined.
     */
    public record ClusterFigure(UUID clusterId, MetricBucket bucket, BigDecimal amount, BigDecimal ownAmount,
                                List<UUID> reportIds, List<UUID> inheritedFrom, SortedSet<String> qualifiers) {
    }

    /** A project's value, attributed to its signatory clusters; {@code covered} when a cluster figure already includes it. */
    public record ProjectFigure(UUID projectId, MetricBucket bucket, BigDecimal amount, UUID reportId,
                                Set<UUID> clusters, boolean covered, String qualifier) {
        public boolean shared() {
            return clusters.size() > 1;
        }
    }

    /**
     * A total of one bucket over a scope. Coverage is {@code reporting} of {@code inScope}, counted in clusters
     * (initiative and cluster-attribute groups) or in projects (project-category and stage groups).
     */
    public record Total(MetricBucket bucket, BigDecimal total, BigDecimal fromClusters, BigDecimal fromProjects,
                        int reporting, int inScope, int projectsCounted, int projectsCovered, int inheritedValues,
                        int reportsUsed, SortedSet<String> qualifiers) {
    }

    public record Rollup(LocalDate asOf, Map<UUID, ClusterInfo> signatories, SortedSet<String> countries,
                         List<Total> totals, List<ClusterFigure> clusterFigures, List<ProjectFigure> projectFigures,
                         Map<UUID, ProjectInfo> projectsInScope, Map<UUID, Set<UUID>> projectClusters) {

        /** The signatory clusters a project is attributed to on the date (merged clusters resolved to successors). */
        public Set<UUID> clustersOf(UUID projectId) {
            return projectClusters.getOrDefault(projectId, Set.of());
        }
    }

    public record Group(String key, int clusters, SortedSet<String> countries, int projects, int sharedProjects,
                        List<Total> totals) {
    }

    private static final Comparator<MetricBucket> BUCKET_ORDER = Comparator.comparing(MetricBucket::metric)
            .thenComparing(MetricBucket::key);

    /** The order totals are listed in (by metric, then bucket key). */
    static final Comparator<Total> BUCKET_ORDER_OF_TOTALS = Comparator.comparing(Total::bucket, BUCKET_ORDER);

    private RollupCalculator() {
    }

    public static Rollup compute(Input in) {
        Lineage lineage = new Lineage(in.merges(), in.asOf());
        Map<UUID, ClusterInfo> signatories = new LinkedHashMap<>();
        for (ClusterInfo c : in.signatories()) {
            if (!lineage.mergedAway(c.id())) { // never both predecessor and successor
                signatories.put(c.id(), c);
            }
        }
        SortedSet<String> countries = new TreeSet<>();
        signatories.values().forEach(c -> {
            if (c.country() != null) {
                countries.add(c.country());
            }
        });

        OwnValues own = new OwnValues(in.values());
        List<ClusterFigure> clusterFigures = new ArrayList<>();
        Map<UUID, Map<String, ClusterFigure>> figureIndex = new HashMap<>();
        for (UUID clusterId : signatories.keySet()) {
            for (MetricBucket bucket : own.clusterBuckets()) {
                ClusterFigure f = effective(clusterId, bucket, own, lineage, new HashSet<>());
                if (f != null) {
                    clusterFigures.add(f);
                    figureIndex.computeIfAbsent(clusterId, k -> new HashMap<>()).put(bucket.key(), f);
                }
            }
        }

        Map<UUID, ProjectInfo> projectsInScope = new LinkedHashMap<>();
        Map<UUID, Set<UUID>> projectClusters = new HashMap<>();
        for (ProjectInfo p : in.projects()) {
            Set<UUID> resolved = new LinkedHashSet<>();
            for (UUID c : p.clusterIds()) {
                UUID r = lineage.resolve(c);
                if (signatories.containsKey(r)) {
                    resolved.add(r);
                }
            }
            if (!resolved.isEmpty()) {
                projectsInScope.put(p.id(), p);
                projectClusters.put(p.id(), resolved);
            }
        }
        List<ProjectFigure> projectFigures = new ArrayList<>();
        for (Value v : in.values()) {
            if (v.subjectType() != SubjectType.PROJECT) {
                continue;
            }
            ProjectInfo p = projectsInScope.get(v.subjectId());
            if (p == null || (p.cancelledOn() != null && !p.cancelledOn().isAfter(in.asOf()))) {
                continue; // not attached to a signatory, unknown, or cancelled by then
            }
            Set<UUID> clusters = projectClusters.get(p.id());
            boolean covered = clusters.stream().anyMatch(c -> figureIndex.getOrDefault(c, Map.of()).containsKey(v.bucket().key()));
            projectFigures.add(new ProjectFigure(p.id(), v.bucket(), v.amount(), v.reportId(), Set.copyOf(clusters),
                    covered, v.qualifier()));
        }

        List<Total> totals = clusterTotals(signatories.keySet(), clusterFigures, projectFigures);
        return new Rollup(in.asOf(), signatories, countries, totals, clusterFigures, projectFigures, projectsInScope,
                projectClusters);
    }

    /**
     * Groups signatories by an attribute (country, world region, type, sector); a cluster with several sectors
     * counts in each. A counted project appears in every group one of its clusters belongs to, so groups can add
     * up to more than the initiative total when projects are shared across groups.
     */
    public static List<Group> breakdownByCluster(Rollup r, Function<ClusterInfo, Collection<String>> keys) {
        Map<String, Set<UUID>> groups = new TreeMap<>();
        for (ClusterInfo c : r.signatories().values()) {
            Collection<String> ks = keys.apply(c);
            if (ks == null || ks.isEmpty()) {
                ks = List.of("UNKNOWN");
            }
            for (String k : ks) {
                groups.computeIfAbsent(k == null ? "UNKNOWN" : k, x -> new LinkedHashSet<>()).add(c.id());
            }
        }
        List<Group> result = new ArrayList<>();
        for (var e : groups.entrySet()) {
            Set<UUID> scope = e.getValue();
            List<ClusterFigure> cfs = r.clusterFigures().stream().filter(f -> scope.contains(f.clusterId())).toList();
            List<ProjectFigure> pfs = r.projectFigures().stream()
                    .filter(p -> p.clusters().stream().anyMatch(scope::contains)).toList();
            Set<UUID> projects = new HashSet<>();
            Set<UUID> shared = new HashSet<>();
            for (var p : r.projectsInScope().values()) {
                if (r.clustersOf(p.id()).stream().anyMatch(scope::contains)) {
                    projects.add(p.id());
                }
            }
            for (ProjectFigure p : pfs) {
                projects.add(p.projectId());
                if (p.shared()) {
                    shared.add(p.projectId());
                }
            }
            SortedSet<String> countries = new TreeSet<>();
            scope.forEach(id -> {
                String country = r.signatories().get(id).country();
                if (country != null) {
                    countries.add(country);
                }
            });
            result.add(new Group(e.getKey(), scope.size(), countries, projects.size(), shared.size(),
                    clusterTotals(scope, cfs, pfs)));
        }
        return result;
    }

    /**
     * Groups the projects attached to signatories by a project attribute (category, stage). Cluster-level figures
     * cannot be split by category, so these totals are the project-level values only: every reported project
     * once, whether or not a cluster figure covers it. Coverage counts projects.
     */
    public static List<Group> breakdownByProject(Rollup r, Function<ProjectInfo, String> key) {
        Map<String, List<ProjectInfo>> groups = new TreeMap<>();
        for (ProjectInfo p : r.projectsInScope().values()) {
            String k = key.apply(p);
            groups.computeIfAbsent(k == null ? "UNKNOWN" : k, x -> new ArrayList<>()).add(p);
        }
        List<Group> result = new ArrayList<>();
        for (var e : groups.entrySet()) {
            Set<UUID> ids = new HashSet<>();
            Set<UUID> clusters = new HashSet<>();
            e.getValue().forEach(p -> ids.add(p.id()));
            Map<String, List<ProjectFigure>> byBucket = new TreeMap<>();
            int shared = 0;
            for (ProjectFigure f : r.projectFigures()) {
                if (ids.contains(f.projectId())) {
                    byBucket.computeIfAbsent(f.bucket().key(), k -> new ArrayList<>()).add(f);
                    clusters.addAll(f.clusters());
                }
            }
            for (ProjectInfo p : e.getValue()) {
                if (r.clustersOf(p.id()).size() > 1) {
                    shared++;
                }
            }
            List<Total> totals = new ArrayList<>();
            for (List<ProjectFigure> fs : byBucket.values()) {
                MetricBucket bucket = fs.get(0).bucket();
                BigDecimal sum = bucket.summable() ? BigDecimal.ZERO : null;
                Set<UUID> reporting = new HashSet<>();
                SortedSet<String> qualifiers = new TreeSet<>();
                int covered = 0;
                for (ProjectFigure f : fs) {
                    if (sum != null) {
                        sum = sum.add(f.amount());
                    }
                    reporting.add(f.projectId());
                    if (f.covered()) {
                        covered++;
                    }
                    if (f.qualifier() != null) {
                        qualifiers.add(f.qualifier());
                    }
                }
                totals.add(new Total(bucket, sum, null, sum, reporting.size(), ids.size(), fs.size(), covered, 0,
                        fs.size(), qualifiers));
            }
            totals.sort(BUCKET_ORDER_OF_TOTALS);
            SortedSet<String> countries = new TreeSet<>();
            clusters.forEach(c -> {
                ClusterInfo info = r.signatories().get(c);
                if (info != null && info.country() != null) {
                    countries.add(info.country());
                }
            });
            result.add(new Group(e.getKey(), clusters.size(), countries, ids.size(), shared, totals));
        }
        return result;
    }

    /**
     * A cluster's figures in every bucket (its own values plus inherited ones), whether or not it is a signatory:
     * the per-cluster view shows them and says separately whether they count in the initiative totals.
     */
    public static List<ClusterFigure> figuresOf(UUID clusterId, Collection<Value> values, Collection<Merge> merges,
                                                LocalDate asOf) {
        Lineage lineage = new Lineage(merges, asOf);
        OwnValues own = new OwnValues(values);
        List<ClusterFigure> result = new ArrayList<>();
        for (MetricBucket bucket : own.clusterBuckets()) {
            ClusterFigure f = effective(clusterId, bucket, own, lineage, new HashSet<>());
            if (f != null) {
                result.add(f);
            }
        }
        return result;
    }

    /** The cluster a (possibly merged-away) cluster's values belong to on the date. */
    public static UUID resolve(UUID clusterId, Collection<Merge> merges, LocalDate asOf) {
        return new Lineage(merges, asOf).resolve(clusterId);
    }

    private static List<Total> clusterTotals(Set<UUID> scope, List<ClusterFigure> clusterFigures,
                                             List<ProjectFigure> projectFigures) {
        Map<String, MetricBucket> buckets = new TreeMap<>();
        Map<String, List<ClusterFigure>> cfs = new HashMap<>();
        Map<String, List<ProjectFigure>> pfs = new HashMap<>();
        for (ClusterFigure f : clusterFigures) {
            buckets.put(f.bucket().key(), f.bucket());
            cfs.computeIfAbsent(f.bucket().key(), k -> new ArrayList<>()).add(f);
        }
        for (ProjectFigure f : projectFigures) {
            buckets.put(f.bucket().key(), f.bucket());
            pfs.computeIfAbsent(f.bucket().key(), k -> new ArrayList<>()).add(f);
        }
        List<Total> totals = new ArrayList<>();
        for (var e : buckets.entrySet()) {
            MetricBucket bucket = e.getValue();
            boolean summable = bucket.summable();
            BigDecimal fromClusters = summable ? BigDecimal.ZERO : null;
            BigDecimal fromProjects = summable ? BigDecimal.ZERO : null;
            Set<UUID> reporting = new HashSet<>();
            Set<UUID> reports = new HashSet<>();
            SortedSet<String> qualifiers = new TreeSet<>();
            int inherited = 0;
            int projectsCounted = 0;
            int projectsCovered = 0;
            for (ClusterFigure f : cfs.getOrDefault(e.getKey(), List.of())) {
                reporting.add(f.clusterId());
                reports.addAll(f.reportIds());
                qualifiers.addAll(f.qualifiers());
                inherited += f.inheritedFrom().size();
                if (summable) {
                    fromClusters = fromClusters.add(f.amount());
                }
            }
            for (ProjectFigure f : pfs.getOrDefault(e.getKey(), List.of())) {
                if (f.covered()) {
                    projectsCovered++;
                    continue;
                }
                projectsCounted++;
                reports.add(f.reportId());
                if (f.qualifier() != null) {
                    qualifiers.add(f.qualifier());
                }
                for (UUID c : f.clusters()) {
                    if (scope.contains(c)) {
                        reporting.add(c);
                    }
                }
                if (summable) {
                    fromProjects = fromProjects.add(f.amount());
                }
            }
            if (reporting.isEmpty() && projectsCovered == 0) {
                continue;
            }
            BigDecimal total = summable ? fromClusters.add(fromProjects) : null;
            totals.add(new Total(bucket, total, fromClusters, fromProjects, reporting.size(), scope.size(),
                    projectsCounted, projectsCovered, inherited, reports.size(), qualifiers));
        }
        totals.sort(BUCKET_ORDER_OF_TOTALS);
        return totals;
    }

    private static ClusterFigure effective(UUID clusterId, MetricBucket bucket, OwnValues own, Lineage lineage,
                                           Set<UUID> visiting) {
        if (!visiting.add(clusterId)) {
            return null; // a merge cycle in bad data: count nothing twice
        }
        Value mine = own.cluster(clusterId, bucket.key());
        List<UUID> reportIds = new ArrayList<>();
        List<UUID> inheritedFrom = new ArrayList<>();
        SortedSet<String> qualifiers = new TreeSet<>();
        List<BigDecimal> parts = new ArrayList<>();
        if (mine != null) {
            parts.add(mine.amount());
            reportIds.add(mine.reportId());
            if (mine.qualifier() != null) {
                qualifiers.add(mine.qualifier());
            }
        }
        for (Merge m : lineage.predecessorsOf(clusterId)) {
            if (mine != null && !mine.reportedOn().isBefore(m.effectiveDate())) {
                continue; // reported for the joint cluster: replaces this predecessor's value
            }
            ClusterFigure inherited = effective(m.predecessorId(), bucket, own, lineage, visiting);
            if (inherited != null) {
                parts.add(inherited.amount());
                reportIds.addAll(inherited.reportIds());
                inheritedFrom.add(m.predecessorId());
                inheritedFrom.addAll(inherited.inheritedFrom());
                qualifiers.addAll(inherited.qualifiers());
            }
        }
        visiting.remove(clusterId);
        if (parts.isEmpty()) {
            return null;
        }
        BigDecimal amount;
        if (parts.size() == 1) {
            amount = parts.get(0);
        } else if (bucket.summable() && parts.stream().allMatch(Objects::nonNull)) {
            amount = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        } else {
            amount = null; // e.g. two predecessors' percentages: not combinable
        }
        return new ClusterFigure(clusterId, bucket, amount, mine == null ? null : mine.amount(), List.copyOf(reportIds),
                List.copyOf(inheritedFrom), qualifiers);
    }

    /** Cluster-level values indexed by cluster and bucket. */
    private static final class OwnValues {
        private final Map<UUID, Map<String, Value>> byCluster = new HashMap<>();
        private final Map<String, MetricBucket> clusterBuckets = new TreeMap<>();

        OwnValues(Collection<Value> values) {
            for (Value v : values) {
                if (v.subjectType() != SubjectType.CLUSTER) {
                    continue;
                }
                clusterBuckets.put(v.bucket().key(), v.bucket());
                Map<String, Value> m = byCluster.computeIfAbsent(v.subjectId(), k -> new HashMap<>());
                Value other = m.get(v.bucket().key());
                if (other == null || v.reportedOn().isAfter(other.reportedOn())) {
                    m.put(v.bucket().key(), v);
                }
            }
        }

        Value cluster(UUID id, String key) {
            return byCluster.getOrDefault(id, Map.of()).get(key);
        }

        Collection<MetricBucket> clusterBuckets() {
            return clusterBuckets.values();
        }
    }

    /** Merges in effect on the date: who was merged into whom. */
    private static final class Lineage {
        private final Map<UUID, Merge> outgoing = new HashMap<>();
        private final Map<UUID, List<Merge>> incoming = new HashMap<>();

        Lineage(Collection<Merge> merges, LocalDate asOf) {
            for (Merge m : merges) {
                if (m.effectiveDate().isAfter(asOf) || m.predecessorId().equals(m.successorId())) {
                    continue;
                }
                Merge previous = outgoing.get(m.predecessorId());
                if (previous != null && !m.effectiveDate().isAfter(previous.effectiveDate())) {
                    continue; // a cluster is merged away once; keep the latest statement of it
                }
                if (previous != null) {
                    incoming.get(previous.successorId()).remove(previous);
                }
                outgoing.put(m.predecessorId(), m);
                incoming.computeIfAbsent(m.successorId(), k -> new ArrayList<>()).add(m);
            }
            incoming.values().forEach(l -> l.sort(Comparator.comparing(Merge::effectiveDate)
                    .thenComparing(Merge::predecessorId)));
        }

        boolean mergedAway(UUID id) {
            return outgoing.containsKey(id);
        }

        List<Merge> predecessorsOf(UUID id) {
            return incoming.getOrDefault(id, List.of());
        }

        UUID resolve(UUID id) {
            UUID current = id;
            Set<UUID> seen = new HashSet<>();
            while (outgoing.containsKey(current) && seen.add(current)) {
                current = outgoing.get(current).successorId();
            }
            return current;
        }
    }
}
