package org.tic.kpi.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One version of a KPI value. The versions of one value form a series (same {@code seriesId}, revisions 1, 2,
 * ...); a correction adds the next revision and closes the previous one ({@code validTo} = the correction's
 * {@code reportedOn}), which is otherwise never changed.
 */
@Entity
@Table(name = "kpi_report")
public class KpiReport extends PanacheEntityBase implements ValueSelector.Candidate {

    @Id
    public UUID id;

    @Column(name = "series_id", nullable = false)
    public UUID seriesId;

    @Column(nullable = false)
    public int revision;

    @Column(name = "supersedes_id")
    public UUID supersedesId;

    @Column(name = "superseded_by_id")
    public UUID supersededById;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "current_version", nullable = false)
    public boolean currentVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    public SubjectType subjectType;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Metric metric;

    @Column(name = "metric_name")
    public String metricName;

    @Enumerated(EnumType.STRING)
    @Column(name = "co2e_metric_type")
    public Co2eMetricType co2eMetricType;

    @Enumerated(EnumType.STRING)
    @Column(name = "co2e_scope")
    public Co2eScope co2eScope;

    @Enumerated(EnumType.STRING)
    @Column(name = "gwp_set")
    public GwpSet gwpSet;

    @Column(name = "base_year")
    public Integer baseYear;

    @Column(name = "target_year")
    public Integer targetYear;

    public String method;

    @Enumerated(EnumType.STRING)
    @Column(name = "jobs_kind")
    public JobsKind jobsKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "jobs_effect")
    public JobsEffect jobsEffect;

    @Enumerated(EnumType.STRING)
    @Column(name = "jobs_phase")
    public JobsPhase jobsPhase;

    @Column(name = "gdp_currency")
    public String gdpCurrency;

    @Column(name = "gdp_price_year")
    public Integer gdpPriceYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "gdp_basis")
    public GdpBasis gdpBasis;

    @Column(nullable = false)
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public KpiUnit unit;

    @Column(name = "bucket_key", nullable = false)
    public String bucketKey;

    /** The value in its bucket's base unit (e.g. Mt CO2e/yr), which is what roll-ups add. */
    @Column(name = "normalised_value", nullable = false)
    public BigDecimal normalisedValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "normalised_unit", nullable = false)
    public KpiUnit normalisedUnit;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    /** The date the value was reported (published) by its source; as-of answers use it. */
    @Column(name = "reported_on", nullable = false)
    public LocalDate reportedOn;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "source_document")
    public String sourceDocument;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Confidence confidence;

    public String notes;

    @Column(name = "correction_reason")
    public String correctionReason;

    @Column(name = "import_id")
    public UUID importId;

    /** When this platform recorded it (system time), as opposed to {@link #reportedOn}. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Version
    @Column(nullable = false)
    public long version;

    public MetricBucket bucket() {
        return MetricBucket.parse(bucketKey);
    }

    /** What may differ inside a bucket and is listed next to its total. */
    public String qualifier() {
        return switch (metric) {
            case CO2E -> gwpSet == null ? null : gwpSet.name();
            case GDP -> gdpPriceYear == null ? null : "PRICE_YEAR_" + gdpPriceYear;
            default -> null;
        };
    }

    @Override
    public SubjectType subjectType() {
        return subjectType;
    }

    @Override
    public UUID subjectId() {
        return subjectId;
    }

    @Override
    public String bucketKey() {
        return bucketKey;
    }

    @Override
    public UUID reportId() {
        return id;
    }

    @Override
    public LocalDate reportedOn() {
        return reportedOn;
    }

    @Override
    public LocalDate validTo() {
        return validTo;
    }

    @Override
    public LocalDate periodEnd() {
        return periodEnd;
    }

    @Override
    public Instant recordedAt() {
        return recordedAt;
    }
}
