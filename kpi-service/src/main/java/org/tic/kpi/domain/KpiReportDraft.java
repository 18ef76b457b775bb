package org.tic.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One KPI value as submitted (through the API or a CSV row), before it is checked by {@link KpiReportRules}.
 * Flat on purpose: the JSON request and the CSV columns both map onto it, so both get exactly the same rules.
 */
public record KpiReportDraft(
        UUID clusterId,
        UUID projectId,
        Metric metric,
        String metricName,
        Co2eMetricType co2eMetricType,
        Co2eScope co2eScope,
        GwpSet gwpSet,
        Integer baseYear,
        Integer targetYear,
        String method,
        JobsKind jobsKind,
        JobsEffect jobsEffect,
        JobsPhase jobsPhase,
        String currency,
        Integer priceYear,
        GdpBasis gdpBasis,
        BigDecimal value,
        KpiUnit unit,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate reportedOn,
        String sourceUrl,
        String sourceDocument,
        String reportedBy,
        Confidence confidence,
        String notes) {

    public SubjectType subjectType() {
        return projectId != null && clusterId == null ? SubjectType.PROJECT : SubjectType.CLUSTER;
    }

    public UUID subjectId() {
        return subjectType() == SubjectType.PROJECT ? projectId : clusterId;
    }

    /** The roll-up bucket this value adds into; only meaningful once the draft passed the rules. */
    public MetricBucket bucket() {
        return MetricBucket.of(this);
    }

    public KpiReportDraft withReportedOn(LocalDate date) {
        return new KpiReportDraft(clusterId, projectId, metric, metricName, co2eMetricType, co2eScope, gwpSet, baseYear,
                targetYear, method, jobsKind, jobsEffect, jobsPhase, currency, priceYear, gdpBasis, value, unit,
                periodStart, periodEnd, date, sourceUrl, sourceDocument, reportedBy, confidence, notes);
    }

    public KpiReportDraft withClusterId(UUID id) {
        return new KpiReportDraft(id, projectId, metric, metricName, co2eMetricType, co2eScope, gwpSet, baseYear,
                targetYear, method, jobsKind, jobsEffect, jobsPhase, currency, priceYear, gdpBasis, value, unit,
                periodStart, periodEnd, reportedOn, sourceUrl, sourceDocument, reportedBy, confidence, notes);
    }
}
