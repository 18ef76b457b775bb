package org.tic.kpi.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.tic.kpi.domain.MetricBucket;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.domain.RollupCombiner.PlainBucket;
import org.tic.kpi.domain.RollupCombiner.PlainGroup;
import org.tic.kpi.domain.SubjectType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The roll-ups' reads (see {@link org.tic.kpi.domain.RollupCombiner}): plain signatories aggregated in PostgreSQL per
 * group and bucket, and the few linked clusters' inputs for the in-memory part. Values are either today's
 * maintained current values ({@code kpi_current}) or, as of a past date, the version of each cluster and bucket
 * that stood on the date (chosen with {@link org.tic.kpi.domain.ValueSelector#PREFERENCE}, in SQL).
 */
@ApplicationScoped
public class RollupQueries {

    /** How plain signatories are grouped: by nothing (the initiative) or by a cluster attribute. */
    public enum Dimension {
        ALL("''"),
        COUNTRY("coalesce(c.country, 'UNKNOWN')"),
        WORLD_REGION("coalesce(c.world_region, 'UNKNOWN')"),
        CLUSTER_TYPE("coalesce(c.type, 'UNKNOWN')"),
        // A cluster counts once in each of its sectors; none at all is UNKNOWN.
        SECTOR("k.sector"),
        // The year it joined the initiative (ClusterInfo#cohort and ClusterRecord#info read it the same way).
        COHORT("coalesce(c.joined_year::text, extract(year from c.joined_date)::int::text, 'UNKNOWN')");

        final String key;

        Dimension(String key) {
            this.key = key;
        }
    }

    /** Clusters in a merge (either side) or attached to a project: evaluated in memory. */
    private static final String LINKED = """
            linked as (
                select predecessor_id as id from cluster_merge
                union select successor_id from cluster_merge
                union select lead_cluster_id from project_record where lead_cluster_id is not null
                union select unnest(participating_cluster_ids) from project_record)""";

    private static final String SIGNATORY_ON = """
            exists (select 1 from cluster_status_period p
                    where p.cluster_id = c.id and p.status = 'SIGNATORY' and p.valid_from <= :d
                      and (p.valid_to is null or p.valid_to > :d))""";

    private static final String SECTORS = """
            cross join lateral (select distinct coalesce(s, 'UNKNOWN') as sector
                                from unnest(case when cardinality(c.sectors) = 0 then array[null]::text[]
                                                 else c.sectors end) s) k""";

    private static final String QUALIFIER = """
            case metric when 'CO2E' then gwp_set when 'GDP' then 'PRICE_YEAR_' || gdp_price_year else null end""";

    private static final String CURRENT_VALUES = """
            select subject_type, subject_id, bucket_key, normalised_value, qualifier, report_id, reported_on
            from kpi_current""";

    private static final String STANDING_VALUES = """
            select distinct on (subject_type, subject_id, bucket_key)
                   subject_type, subject_id, bucket_key, normalised_value, %s as qualifier, id as report_id, reported_on
            from kpi_report
            where reported_on <= :d and (valid_to is null or valid_to > :d) %%s
            order by subject_type, subject_id, bucket_key, period_end desc, reported_on desc, recorded_at desc, id desc"""
            .formatted(QUALIFIER);

    private static final char SEP = '\u001f';

    private final EntityManager em;

    public RollupQueries(EntityManager em) {
        this.em = em;
    }

    /** Today's values or those standing on {@code :d}, optionally narrowed by a condition on kpi_current/kpi_report. */
    private static String values(boolean current, String condition) {
        if (current) {
            return CURRENT_VALUES + (condition == null ? "" : " where " + condition);
        }
        return STANDING_VALUES.formatted(condition == null ? "" : "and " + condition);
    }

    /**
     * The plain signatories on {@code date} per group: how many, their countries, and per bucket the sum, count and
     * qualifiers of their own values. {@code current}: today's maintained values, else the versions standing on the date.
     */
    @SuppressWarnings("unchecked")
    public Map<String, PlainGroup> plainGroups(LocalDate date, boolean current, Dimension dim) {
        String sig = "with " + LINKED + """
                , sig as (select c.id, c.country, %s as k from cluster_record c %s
                          where %s and not exists (select 1 from linked l where l.id = c.id))
                """.formatted(dim.key, dim == Dimension.SECTOR ? SECTORS : "", SIGNATORY_ON);
        List<Object[]> groups = em.createNativeQuery(sig + """
                        select k, count(distinct id), string_agg(distinct country, chr(31)) from sig group by k""")
                .setParameter("d", date).getResultList();
        List<Object[]> buckets = em.createNativeQuery(sig + """
                        , val as (%s)
                        select s.k, v.bucket_key, sum(v.normalised_value), count(*), string_agg(distinct v.qualifier, chr(31))
                        from sig s join val v on v.subject_id = s.id
                        group by s.k, v.bucket_key""".formatted(values(current, "subject_type = 'CLUSTER'")))
                .setParameter("d", date).getResultList();
        Map<String, Map<String, PlainBucket>> byGroup = new HashMap<>();
        for (Object[] r : buckets) {
            String key = (String) r[1];
            boolean summable = MetricBucket.parse(key).summable();
            byGroup.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put(key, new PlainBucket(key,
                    summable ? (BigDecimal) r[2] : null, ((Number) r[3]).intValue(), split((String) r[4])));
        }
        Map<String, PlainGroup> result = new LinkedHashMap<>();
        for (Object[] r : groups) {
            String key = (String) r[0];
            result.put(key, new PlainGroup(key, ((Number) r[1]).intValue(), split((String) r[2]),
                    byGroup.getOrDefault(key, Map.of())));
        }
        return result;
    }

    /** The linked clusters that were signatories on the date (merged-away ones included: the calculator drops them). */
    @SuppressWarnings("unchecked")
    public List<RollupCalculator.ClusterInfo> linkedSignatoriesOn(LocalDate date) {
        List<Object[]> rows = em.createNativeQuery("with " + LINKED + """
                        select c.id, c.name, c.country, c.world_region, c.type, array_to_string(c.sectors, chr(31)),
                               coalesce(c.joined_year, extract(year from c.joined_date)::int)
                        from cluster_record c where c.id in (select id from linked) and %s""".formatted(SIGNATORY_ON))
                .setParameter("d", date).getResultList();
        return rows.stream().map(ClusterRecordRepository::info).toList();
    }

    /** The values the in-memory part needs: the linked clusters' and every project's. */
    public List<RollupCalculator.Value> linkedValues(LocalDate date, boolean current) {
        return valueRows("with " + LINKED + ", val as (" + values(current, null) + """
                ) select * from val where subject_type = 'PROJECT' or subject_id in (select id from linked)""", date);
    }

    /** One subject's values (today's or standing on the date). */
    public List<RollupCalculator.Value> valuesOf(SubjectType type, UUID subjectId, LocalDate date, boolean current) {
        return valueRows(values(current, "subject_type = '" + type.name() + "' and subject_id = :id"), date, subjectId);
    }

    /** Whether the cluster is linked (in a merge or attached to a project). */
    public boolean isLinked(UUID clusterId) {
        return !em.createNativeQuery("with " + LINKED + " select 1 from linked where id = :id")
                .setParameter("id", clusterId).getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<RollupCalculator.Value> valueRows(String sql, LocalDate date, UUID... id) {
        var q = em.createNativeQuery(sql);
        if (sql.contains(":d")) {
            q.setParameter("d", date);
        }
        if (id.length > 0) {
            q.setParameter("id", id[0]);
        }
        List<Object[]> rows = q.getResultList();
        List<RollupCalculator.Value> values = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            values.add(new RollupCalculator.Value(SubjectType.valueOf((String) r[0]), (UUID) r[1],
                    MetricBucket.parse((String) r[2]), (BigDecimal) r[3], (UUID) r[5], ClusterRecordRepository.date(r[6]),
                    (String) r[4]));
        }
        return values;
    }

    private static TreeSet<String> split(String joined) {
        TreeSet<String> set = new TreeSet<>();
        if (joined != null && !joined.isEmpty()) {
            set.addAll(Arrays.asList(joined.split(String.valueOf(SEP))));
        }
        return set;
    }
}
