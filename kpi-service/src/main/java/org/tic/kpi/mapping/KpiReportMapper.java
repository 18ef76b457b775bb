package org.tic.kpi.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.domain.KpiReportDraft;
import org.tic.kpi.domain.MetricBucket;
import org.tic.kpi.domain.SubjectType;

/** API model ↔ draft ↔ entity, explicitly. */
@ApplicationScoped
public class KpiReportMapper {

    public KpiReportDraft toDraft(KpiReportRequest r) {
        var co2e = r.co2e();
        var jobs = r.jobs();
        var gdp = r.gdp();
        var source = r.source();
        return new KpiReportDraft(r.clusterId(), r.projectId(), r.metric(), trim(r.metricName()),
                co2e == null ? null : co2e.metricType(), co2e == null ? null : co2e.scope(),
                co2e == null ? null : co2e.gwpSet(), co2e == null ? null : co2e.baseYear(),
                co2e == null ? null : co2e.targetYear(), co2e == null ? null : trim(co2e.method()),
                jobs == null ? null : jobs.kind(), jobs == null ? null : jobs.effect(), jobs == null ? null : jobs.phase(),
                gdp == null ? null : trim(gdp.currency()), gdp == null ? null : gdp.priceYear(),
                gdp == null ? null : gdp.basis(),
                r.value(), r.unit(), r.periodStart(), r.periodEnd(), r.reportedOn(),
                source == null ? null : trim(source.url()), source == null ? null : trim(source.document()),
                trim(r.reportedBy()), r.confidence(), trim(r.notes()));
    }

    /** Copies an accepted draft onto a new version. */
    public void apply(KpiReportDraft d, KpiReport r) {
        r.subjectType = d.subjectType();
        r.subjectId = d.subjectId();
        r.metric = d.metric();
        r.metricName = d.metricName();
        r.co2eMetricType = d.co2eMetricType();
        r.co2eScope = d.co2eScope();
        r.gwpSet = d.gwpSet();
        r.baseYear = d.baseYear();
        r.targetYear = d.targetYear();
        r.method = d.method();
        r.jobsKind = d.jobsKind();
        r.jobsEffect = d.jobsEffect();
        r.jobsPhase = d.jobsPhase();
        r.gdpCurrency = d.currency();
        r.gdpPriceYear = d.priceYear();
        r.gdpBasis = d.gdpBasis();
        r.value = d.value();
        r.unit = d.unit();
        MetricBucket bucket = d.bucket();
        r.bucketKey = bucket.key();
        r.normalisedValue = d.unit().toBase(d.value());
        r.normalisedUnit = bucket.baseUnit();
        r.periodStart = d.periodStart();
        r.periodEnd = d.periodEnd();
        r.reportedOn = d.reportedOn();
        r.sourceUrl = d.sourceUrl();
        r.sourceDocument = d.sourceDocument();
        r.reportedBy = d.reportedBy();
        r.confidence = d.confidence();
        r.notes = d.notes();
    }

    /** Every field: for events and for callers who may see the report's personal provenance. */
    public KpiReportView toView(KpiReport r) {
        return toView(r, true);
    }

    /**
     * @param withProvenance false leaves out {@code reportedBy}, {@code notes} and {@code recordedBy} (personal
     *                       provenance, for callers who may not report for the subject)
     */
    public KpiReportView toView(KpiReport r, boolean withProvenance) {
        MetricBucket bucket = r.bucket();
        KpiReportRequest.Co2e co2e = switch (r.metric) {
            case CO2E -> new KpiReportRequest.Co2e(r.co2eMetricType, r.co2eScope, r.gwpSet, r.baseYear, r.targetYear, r.method);
            default -> null;
        };
        KpiReportRequest.Jobs jobs = switch (r.metric) {
            case JOBS -> new KpiReportRequest.Jobs(r.jobsKind, r.jobsEffect, r.jobsPhase);
            default -> null;
        };
        KpiReportRequest.Gdp gdp = switch (r.metric) {
            case GDP -> new KpiReportRequest.Gdp(r.gdpCurrency, r.gdpPriceYear, r.gdpBasis);
            default -> null;
        };
        return new KpiReportView(r.id, r.seriesId, r.revision, r.currentVersion, r.supersedesId, r.supersededById,
                r.reportedOn, r.validTo, r.subjectType,
                r.subjectType == SubjectType.CLUSTER ? r.subjectId : null,
                r.subjectType == SubjectType.PROJECT ? r.subjectId : null,
                r.metric, r.metricName, co2e, jobs, gdp, r.value, r.unit,
                new KpiReportView.Normalised(RollupMapper.plain(r.normalisedValue), r.normalisedUnit),
                new KpiReportView.Bucket(bucket.key(), bucket.label(), bucket.summable()),
                r.periodStart, r.periodEnd, r.reportedOn,
                r.sourceUrl == null && r.sourceDocument == null ? null : new KpiReportRequest.Source(r.sourceUrl, r.sourceDocument),
                withProvenance ? r.reportedBy : null, r.confidence, withProvenance ? r.notes : null, r.correctionReason,
                r.importId, r.recordedAt, withProvenance ? r.recordedBy : null);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
