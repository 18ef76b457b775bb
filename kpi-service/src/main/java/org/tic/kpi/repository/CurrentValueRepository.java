package org.tic.kpi.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.domain.MetricBucket;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.domain.SubjectType;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The maintained current-value table (kpi_current): one row per subject and bucket. */
@ApplicationScoped
public class CurrentValueRepository {

    private final EntityManager em;

    public CurrentValueRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Serialises writers of one subject and bucket until the end of the transaction. The shared lock on
     * {@link #BULK_LOCK} lets a bulk import's chunk ({@link #refreshAll}) exclude every such writer at once: one lock
     * instead of one per key (thousands of advisory locks would exhaust PostgreSQL's lock table).
     */
    public void lock(SubjectType type, UUID subjectId, String bucketKey) {
        em.createNativeQuery("select pg_advisory_xact_lock_shared(hashtextextended(?1, 0)), "
                        + "pg_advisory_xact_lock(hashtextextended(?2, 0))")
                .setParameter(1, BULK_LOCK)
                .setParameter(2, "kpi_current:" + type + ":" + subjectId + ":" + bucketKey)
                .getSingleResult();
    }

    static final String BULK_LOCK = "kpi_current:bulk";

    /** A subject and bucket whose current value a bulk write may have changed. */
    public record Key(SubjectType subjectType, UUID subjectId, String bucketKey) {
    }

    /**
     * Rewrites the current-value rows of many subjects and buckets from their current versions, in one statement
     * with the preference of {@code KpiReportRepository.bestCurrent} ({@code ValueSelector.PREFERENCE}). Only for
     * writes that add current versions (an import): a key always keeps a row. Holds the bulk lock exclusively until
     * the transaction ends, so no single writer reads a best version between this statement and the commit.
     */
    public int refreshAll(java.util.Collection<Key> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        String[] types = new String[keys.size()];
        UUID[] ids = new UUID[keys.size()];
        String[] buckets = new String[keys.size()];
        int i = 0;
        for (Key k : keys) {
            types[i] = k.subjectType().name();
            ids[i] = k.subjectId();
            buckets[i++] = k.bucketKey();
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, BULK_LOCK)
                .getSingleResult();
        int[] changed = {0};
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var ps = connection.prepareStatement("""
                    insert into kpi_current (subject_type, subject_id, bucket_key, report_id, normalised_value, qualifier,
                                             reported_on)
                    select distinct on (r.subject_type, r.subject_id, r.bucket_key)
                           r.subject_type, r.subject_id, r.bucket_key, r.id, r.normalised_value,
                           case r.metric when 'CO2E' then r.gwp_set when 'GDP' then 'PRICE_YEAR_' || r.gdp_price_year end,
                           r.reported_on
                    from (select distinct * from unnest(?::text[], ?::uuid[], ?::text[])) k(subject_type, subject_id, bucket_key)
                    join kpi_report r on r.subject_type = k.subject_type and r.subject_id = k.subject_id
                                     and r.bucket_key = k.bucket_key and r.current_version
                    order by r.subject_type, r.subject_id, r.bucket_key, r.period_end desc, r.reported_on desc,
                             r.recorded_at desc, r.id desc
                    on conflict (subject_type, subject_id, bucket_key) do update
                        set report_id = excluded.report_id, normalised_value = excluded.normalised_value,
                            qualifier = excluded.qualifier, reported_on = excluded.reported_on""")) {
                ps.setArray(1, connection.createArrayOf("text", types));
                ps.setArray(2, connection.createArrayOf("uuid", ids));
                ps.setArray(3, connection.createArrayOf("text", buckets));
                changed[0] = ps.executeUpdate();
            }
        });
        return changed[0];
    }

    public void put(KpiReport r) {
        em.createNativeQuery("""
                        insert into kpi_current (subject_type, subject_id, bucket_key, report_id, normalised_value, qualifier,
                                                 reported_on)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (subject_type, subject_id, bucket_key) do update
                            set report_id = excluded.report_id, normalised_value = excluded.normalised_value,
                                qualifier = excluded.qualifier, reported_on = excluded.reported_on""")
                .setParameter(1, r.subjectType.name())
                .setParameter(2, r.subjectId)
                .setParameter(3, r.bucketKey)
                .setParameter(4, r.id)
                .setParameter(5, r.normalisedValue)
                .setParameter(6, r.qualifier())
                .setParameter(7, r.reportedOn)
                .executeUpdate();
    }

    public void remove(SubjectType type, UUID subjectId, String bucketKey) {
        em.createNativeQuery("delete from kpi_current where subject_type = ?1 and subject_id = ?2 and bucket_key = ?3")
                .setParameter(1, type.name())
                .setParameter(2, subjectId)
                .setParameter(3, bucketKey)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<RollupCalculator.Value> all() {
        List<Object[]> rows = em.createNativeQuery("""
                        select subject_type, subject_id, bucket_key, normalised_value, report_id, reported_on, qualifier
                        from kpi_current""")
                .getResultList();
        return rows.stream().map(r -> new RollupCalculator.Value(SubjectType.valueOf((String) r[0]), (UUID) r[1],
                MetricBucket.parse((String) r[2]), (BigDecimal) r[3], (UUID) r[4], ClusterRecordRepository.date(r[5]),
                (String) r[6])).toList();
    }
}
