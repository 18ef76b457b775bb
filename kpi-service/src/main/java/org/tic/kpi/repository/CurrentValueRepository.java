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

    /** Serialises writers of one subject and bucket until the end of the transaction. */
    public void lock(SubjectType type, UUID subjectId, String bucketKey) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "kpi_current:" + type + ":" + subjectId + ":" + bucketKey)
                .getSingleResult();
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
