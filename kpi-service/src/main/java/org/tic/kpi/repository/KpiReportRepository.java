package org.tic.kpi.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageTotals;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.domain.MetricBucket;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.domain.SubjectType;
import org.tic.kpi.domain.ValueSelector;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class KpiReportRepository implements PanacheRepositoryBase<KpiReport, UUID> {

    @Inject
    PageTotals totals;

    public record Page(List<KpiReport> items, PageTotals.Total total) {
    }

    /** A report version reduced to what roll-ups need. */
    public record VersionRow(SubjectType subjectType, UUID subjectId, String bucketKey, UUID reportId,
                             LocalDate reportedOn, LocalDate validTo, LocalDate periodEnd, Instant recordedAt,
                             BigDecimal amount, String qualifier) implements ValueSelector.Candidate {

        public RollupCalculator.Value toValue() {
            return new RollupCalculator.Value(subjectType, subjectId, MetricBucket.parse(bucketKey), amount, reportId,
                    reportedOn, qualifier);
        }
    }

    private static final String QUALIFIER = """
            case metric when 'CO2E' then gwp_set when 'GDP' then 'PRICE_YEAR_' || gdp_price_year else null end""";

    public Page search(ReportFilter f, Sort sort, PageRequest page) {
        PanacheQuery<KpiReport> q = query(f, sort);
        List<KpiReport> items = q.page(page.page(), page.size()).list();
        return new Page(items, totals.total(Arrays.asList("kpi-reports", f), page, items.size(), q::count));
    }

    /** One batch of the export, in recording order after the given position (keyset paging). */
    public List<KpiReport> batchAfter(ReportFilter f, Instant afterRecordedAt, UUID afterId, int size) {
        Where w = where(f);
        if (afterRecordedAt != null) {
            w.clauses.add("(recordedAt > :afterAt or (recordedAt = :afterAt and id > :afterId))");
            w.params.and("afterAt", afterRecordedAt).and("afterId", afterId);
        }
        String query = String.join(" and ", w.clauses);
        Sort sort = Sort.by("recordedAt").and("id");
        PanacheQuery<KpiReport> q = query.isEmpty() ? findAll(sort) : find(query, sort, w.params);
        return q.page(0, size).list();
    }

    private PanacheQuery<KpiReport> query(ReportFilter f, Sort sort) {
        Where w = where(f);
        String query = String.join(" and ", w.clauses);
        return query.isEmpty() ? findAll(sort) : find(query, sort, w.params);
    }

    private static final class Where {
        final List<String> clauses = new ArrayList<>();
        final Parameters params = new Parameters();
    }

    private static Where where(ReportFilter f) {
        Where w = new Where();
        if (f.asOf() != null) {
            w.clauses.add("reportedOn <= :asOf and (validTo is null or validTo > :asOf)");
            w.params.and("asOf", f.asOf());
        } else if (!f.history()) {
            w.clauses.add("currentVersion = true");
        }
        if (f.subjectType() != null) {
            w.clauses.add("subjectType = :subjectType");
            w.params.and("subjectType", f.subjectType());
        }
        if (f.clusterId() != null) {
            w.clauses.add("subjectType = :clusterType and subjectId = :clusterId");
            w.params.and("clusterType", SubjectType.CLUSTER).and("clusterId", f.clusterId());
        }
        if (f.projectId() != null) {
            w.clauses.add("subjectType = :projectType and subjectId = :projectId");
            w.params.and("projectType", SubjectType.PROJECT).and("projectId", f.projectId());
        }
        if (f.metric() != null) {
            w.clauses.add("metric = :metric");
            w.params.and("metric", f.metric());
        }
        if (f.co2eMetricType() != null) {
            w.clauses.add("co2eMetricType = :co2eMetricType");
            w.params.and("co2eMetricType", f.co2eMetricType());
        }
        if (f.confidence() != null) {
            w.clauses.add("confidence = :confidence");
            w.params.and("confidence", f.confidence());
        }
        if (f.periodFrom() != null) {
            w.clauses.add("periodEnd >= :periodFrom");
            w.params.and("periodFrom", f.periodFrom());
        }
        if (f.periodTo() != null) {
            w.clauses.add("periodStart <= :periodTo");
            w.params.and("periodTo", f.periodTo());
        }
        if (f.importId() != null) {
            w.clauses.add("importId = :importId");
            w.params.and("importId", f.importId());
        }
        return w;
    }

    /** The series a report version belongs to, read without loading the entity (series ids never change). */
    public Optional<UUID> seriesOf(UUID reportId) {
        return getEntityManager().createQuery("select r.seriesId from KpiReport r where r.id = :id", UUID.class)
                .setParameter("id", reportId).getResultStream().findFirst();
    }

    /**
     * Serialises writers of one series until the transaction ends (PostgreSQL advisory lock on a 64-bit hash of the
     * series id), so concurrent corrections see each other's result instead of racing to the unique constraint.
     */
    public void lockSeries(UUID seriesId) {
        getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(:s, 1093))) l")
                .setParameter("s", seriesId.toString()).getSingleResult();
    }

    public Optional<KpiReport> head(UUID seriesId) {
        return find("seriesId = ?1 and currentVersion = true", seriesId).firstResultOptional();
    }

    public List<KpiReport> series(UUID seriesId) {
        return list("seriesId = ?1 order by revision", seriesId);
    }

    /**
     * The preferred current version of one subject in one bucket ({@link ValueSelector#PREFERENCE}, in SQL): a
     * top-1 scan of an index in that order, so its cost does not grow with the number of reports.
     */
    public Optional<KpiReport> bestCurrent(SubjectType type, UUID subjectId, String bucketKey) {
        return find("subjectType = ?1 and subjectId = ?2 and bucketKey = ?3 and currentVersion = true",
                Sort.descending("periodEnd", "reportedOn", "recordedAt", "id"), type, subjectId, bucketKey)
                .firstResultOptional();
    }

    /**
     * For an as-of roll-up: per subject and bucket, the version that stood on the date, chosen in PostgreSQL with
     * the same preference as {@link ValueSelector#PREFERENCE}. Reads the versions reported up to the date
     * (index on reported_on), returns one row per subject and bucket.
     */
    @SuppressWarnings("unchecked")
    public List<RollupCalculator.Value> standingOn(LocalDate date) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select distinct on (subject_type, subject_id, bucket_key)
                               subject_type, subject_id, bucket_key, id, reported_on, valid_to, period_end, recorded_at,
                               normalised_value, %s
                        from kpi_report
                        where reported_on <= ?1 and (valid_to is null or valid_to > ?1)
                        order by subject_type, subject_id, bucket_key, period_end desc, reported_on desc,
                                 recorded_at desc, id desc""".formatted(QUALIFIER))
                .setParameter(1, date)
                .getResultList();
        return rows.stream().map(KpiReportRepository::row).map(VersionRow::toValue).toList();
    }

    /** Every version reported up to the date, for time series evaluated at many dates in one pass. */
    @SuppressWarnings("unchecked")
    public List<VersionRow> versionsUpTo(LocalDate date) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select subject_type, subject_id, bucket_key, id, reported_on, valid_to, period_end, recorded_at,
                               normalised_value, %s
                        from kpi_report where reported_on <= ?1""".formatted(QUALIFIER))
                .setParameter(1, date)
                .getResultList();
        return rows.stream().map(KpiReportRepository::row).toList();
    }

    private static VersionRow row(Object[] r) {
        return new VersionRow(SubjectType.valueOf((String) r[0]), (UUID) r[1], (String) r[2], (UUID) r[3],
                ClusterRecordRepository.date(r[4]), ClusterRecordRepository.date(r[5]), ClusterRecordRepository.date(r[6]),
                instant(r[7]), (BigDecimal) r[8], (String) r[9]);
    }

    static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + (o == null ? null : o.getClass()));
    }
}
