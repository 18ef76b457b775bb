package org.tic.kpi.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * The set of values that mean the same thing and may therefore be added: a roll-up total is only ever the sum
 * of one bucket. Two values share a bucket when they have the same metric and
 * <ul>
 *   <li>CO2e: the same metric type (emitted / potential / achieved / avoided) and scope;</li>
 *   <li>GDP: the same basis (direct / total) and currency (no exchange rates are applied);</li>
 *   <li>jobs: the same kind (created / protected), effect (direct / indirect / induced / total), phase and unit;</li>
 *   <li>other: the same (normalised) name and unit dimension.</li>
 * </ul>
 * Within a bucket, values are converted to the dimension's base unit (t and kt → Mt, millions → billions).
 * GWP set and GDP price year are not part of the bucket: they are listed next to the total instead, so a
 * reader sees when a total mixes them (splitting on them would scatter the initiative's few reports).
 */
public record MetricBucket(
        Metric metric,
        Co2eMetricType co2eMetricType,
        Co2eScope co2eScope,
        GdpBasis gdpBasis,
        String currency,
        JobsKind jobsKind,
        JobsEffect jobsEffect,
        JobsPhase jobsPhase,
        String otherName,
        UnitDimension dimension) {

    private static final String SEP = "|";

    public MetricBucket {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(dimension, "dimension");
    }

    public static MetricBucket of(KpiReportDraft d) {
        UnitDimension dim = d.unit().dimension();
        return switch (d.metric()) {
            case CO2E -> new MetricBucket(Metric.CO2E, d.co2eMetricType(), d.co2eScope(), null, null, null, null, null,
                    null, dim);
            case GDP -> new MetricBucket(Metric.GDP, null, null, d.gdpBasis(), d.currency(), null, null, null, null, dim);
            case JOBS -> new MetricBucket(Metric.JOBS, null, null, null, null, d.jobsKind(), d.jobsEffect(),
                    d.jobsPhase(), null, dim);
            case OTHER -> new MetricBucket(Metric.OTHER, null, null, null, null, null, null, null,
                    normaliseName(d.metricName()), dim);
        };
    }

    /** Names of other metrics match whatever their case and spacing ("Green  Hydrogen" = "green hydrogen"). */
    public static String normaliseName(String name) {
        return name == null ? null : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A stable text key, stored with each report and used to group values, e.g. {@code CO2E|POTENTIAL_REDUCTION|SCOPE_1_2}. */
    public String key() {
        return switch (metric) {
            case CO2E -> String.join(SEP, "CO2E", co2eMetricType.name(), co2eScope.name());
            case GDP -> String.join(SEP, "GDP", gdpBasis.name(), currency);
            case JOBS -> String.join(SEP, "JOBS", jobsKind.name(), jobsEffect.name(), jobsPhase.name(), dimension.name());
            case OTHER -> String.join(SEP, "OTHER", otherName, dimension.name());
        };
    }

    public static MetricBucket parse(String key) {
        String[] p = key.split("\\|", -1);
        Metric metric = Metric.valueOf(p[0]);
        return switch (metric) {
            case CO2E -> new MetricBucket(metric, Co2eMetricType.valueOf(p[1]), Co2eScope.valueOf(p[2]), null, null,
                    null, null, null, null, UnitDimension.CO2E_RATE);
            case GDP -> new MetricBucket(metric, null, null, GdpBasis.valueOf(p[1]), p[2], null, null, null, null,
                    UnitDimension.MONEY);
            case JOBS -> new MetricBucket(metric, null, null, null, null, JobsKind.valueOf(p[1]), JobsEffect.valueOf(p[2]),
                    JobsPhase.valueOf(p[3]), null, UnitDimension.valueOf(p[4]));
            case OTHER -> new MetricBucket(metric, null, null, null, null, null, null, null, p[1],
                    UnitDimension.valueOf(p[2]));
        };
    }

    /** The unit totals of this bucket are expressed in. */
    public KpiUnit baseUnit() {
        return dimension.baseUnit();
    }

    /** Whether values of this bucket may be added across clusters (scope 3 and shares may not). */
    public boolean summable() {
        if (!dimension.additive()) {
            return false;
        }
        return metric != Metric.CO2E || co2eScope.summableAcrossMembers();
    }

    /** Why a bucket is not summed, for readers of the totals; null when it is. */
    public String notSummableReason() {
        if (!dimension.additive()) {
            return "shares (%) are not additive across clusters";
        }
        if (metric == Metric.CO2E && !co2eScope.summableAcrossMembers()) {
            return "scope 3 counts other organisations' emissions: adding it across members double-counts";
        }
        return null;
    }

    /** A short human label, e.g. "CO2e potential reduction, SCOPE_1_2". */
    public String label() {
        return switch (metric) {
            case CO2E -> "CO2e " + co2eMetricType.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + co2eScope;
            case GDP -> "GDP contribution (" + gdpBasis.name().toLowerCase(Locale.ROOT) + "), " + currency;
            case JOBS -> "Jobs " + jobsKind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", "
                    + jobsEffect.name().toLowerCase(Locale.ROOT) + ", " + jobsPhase.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " (" + dimension.name().toLowerCase(Locale.ROOT).replace('_', '-') + ")";
            case OTHER -> otherName;
        };
    }
}
