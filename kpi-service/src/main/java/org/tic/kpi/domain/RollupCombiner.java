package org.tic.kpi.domain;

import org.tic.kpi.domain.RollupCalculator.Group;
import org.tic.kpi.domain.RollupCalculator.Rollup;
import org.tic.kpi.domain.RollupCalculator.Total;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Initiative roll-ups in two parts that add up exactly.
 * <ul>
 *   <li><b>Plain</b> signatories (in no merge and attached to no project): a plain cluster's figure in a bucket is
 *       simply its own standing value, so their part is aggregated in SQL (sums, counts, qualifier sets per group
 *       and bucket) and never loaded into memory;</li>
 *   <li><b>linked</b> clusters (merged away, merged into, or a lead/participant of a project) with all projects: their
 *       figures follow the lineage and coverage rules, evaluated by {@link RollupCalculator} in memory. A linked
 *       cluster's figures depend only on linked clusters and projects, so that part is closed.</li>
 * </ul>
 * Every field of a {@link Total} is additive over disjoint sets of clusters (sums, clusters and reports counted,
 * qualifier sets), so the combination equals {@link RollupCalculator} over all signatories at once
 * ({@code RollupCombinerTest} checks it on generated inputs).
 */
public final class RollupCombiner {

    /**
     * Plain signatories' own values in one bucket of one group.
     *
     * @param sum      their sum in the bucket's base unit, null when the bucket is not summable
     * @param clusters plain clusters with a value (each one report)
     */
    public record PlainBucket(String bucketKey, BigDecimal sum, int clusters, SortedSet<String> qualifiers) {
    }

    /** Plain signatories of one group ({@link #ALL} for the whole initiative) and their values per bucket key. */
    public record PlainGroup(String key, int clusters, SortedSet<String> countries, Map<String, PlainBucket> buckets) {

        public static PlainGroup empty(String key) {
            return new PlainGroup(key, 0, new TreeSet<>(), Map.of());
        }
    }

    /** The key of the single group that holds every plain signatory. */
    public static final String ALL = "";

    /** The initiative on a date: signatories, their countries and the totals over all of them. */
    public record Initiative(LocalDate asOf, int signatories, SortedSet<String> countries, List<Total> totals) {
    }

    private RollupCombiner() {
    }

    public static Initiative initiative(PlainGroup plain, Rollup linked) {
        int signatories = plain.clusters() + linked.signatories().size();
        SortedSet<String> countries = new TreeSet<>(plain.countries());
        countries.addAll(linked.countries());
        return new Initiative(linked.asOf(), signatories, countries, totals(plain, linked.totals(), signatories));
    }

    /**
     * Groups by a cluster attribute: the plain groups (from SQL) and the linked part's groups
     * ({@link RollupCalculator#breakdownByCluster}) with the same keys, in key order.
     */
    public static List<Group> breakdown(Collection<PlainGroup> plain, List<Group> linked) {
        Map<String, PlainGroup> plainByKey = new HashMap<>();
        plain.forEach(g -> plainByKey.put(g.key(), g));
        Map<String, Group> linkedByKey = new HashMap<>();
        linked.forEach(g -> linkedByKey.put(g.key(), g));
        SortedSet<String> keys = new TreeSet<>(plainByKey.keySet());
        keys.addAll(linkedByKey.keySet());
        List<Group> result = new ArrayList<>();
        for (String key : keys) {
            PlainGroup p = plainByKey.getOrDefault(key, PlainGroup.empty(key));
            Group l = linkedByKey.get(key);
            int clusters = p.clusters() + (l == null ? 0 : l.clusters());
            SortedSet<String> countries = new TreeSet<>(p.countries());
            if (l != null) {
                countries.addAll(l.countries());
            }
            result.add(new Group(key, clusters, countries, l == null ? 0 : l.projects(),
                    l == null ? 0 : l.sharedProjects(), totals(p, l == null ? List.of() : l.totals(), clusters)));
        }
        return result;
    }

    /** Adds the plain part to the linked part's totals, bucket by bucket; coverage is out of {@code inScope}. */
    static List<Total> totals(PlainGroup plain, List<Total> linked, int inScope) {
        Map<String, Total> linkedByKey = new HashMap<>();
        Map<String, MetricBucket> buckets = new TreeMap<>();
        for (Total t : linked) {
            linkedByKey.put(t.bucket().key(), t);
            buckets.put(t.bucket().key(), t.bucket());
        }
        for (String key : plain.buckets().keySet()) {
            buckets.computeIfAbsent(key, MetricBucket::parse);
        }
        List<Total> result = new ArrayList<>();
        for (MetricBucket bucket : buckets.values()) {
            Total l = linkedByKey.get(bucket.key());
            PlainBucket p = plain.buckets().get(bucket.key());
            boolean summable = bucket.summable();
            BigDecimal fromClusters = null;
            BigDecimal fromProjects = null;
            BigDecimal total = null;
            if (summable) {
                fromClusters = add(l == null ? null : l.fromClusters(), p == null ? null : p.sum());
                fromProjects = l == null || l.fromProjects() == null ? BigDecimal.ZERO : l.fromProjects();
                total = fromClusters.add(fromProjects);
            }
            SortedSet<String> qualifiers = new TreeSet<>();
            if (l != null) {
                qualifiers.addAll(l.qualifiers());
            }
            if (p != null) {
                qualifiers.addAll(p.qualifiers());
            }
            int plainClusters = p == null ? 0 : p.clusters();
            result.add(new Total(bucket, total, fromClusters, fromProjects,
                    (l == null ? 0 : l.reporting()) + plainClusters, inScope,
                    l == null ? 0 : l.projectsCounted(), l == null ? 0 : l.projectsCovered(),
                    l == null ? 0 : l.inheritedValues(), (l == null ? 0 : l.reportsUsed()) + plainClusters, qualifiers));
        }
        result.sort(RollupCalculator.BUCKET_ORDER_OF_TOTALS);
        return result;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b == null ? BigDecimal.ZERO : b;
        }
        return b == null ? a : a.add(b);
    }
}
