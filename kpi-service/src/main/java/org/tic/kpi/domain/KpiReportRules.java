package org.tic.kpi.domain;

import org.tic.commons.rules.FieldViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a KPI value acceptable. Plain Java so the same rules serve the API, the CSV import and the unit
 * tests. Every value must say what it is: the fields of its metric are required, those of other metrics are
 * refused (a jobs figure with a GWP set is a data-entry error, not extra precision), and the unit must belong
 * to the metric (no jobs in Mt).
 */
public final class KpiReportRules {

    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2100;
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_SCALE = 6;
    private static final Pattern URL = Pattern.compile("https?://[^\\s]{1,990}");
    private static final Pattern METRIC_NAME = Pattern.compile("[^|\\p{Cntrl}]{1,120}");

    /** The unit dimensions each metric may be reported in. */
    public static final Map<Metric, Set<UnitDimension>> DIMENSIONS = Map.of(
            Metric.CO2E, EnumSet.of(UnitDimension.CO2E_RATE),
            Metric.GDP, EnumSet.of(UnitDimension.MONEY),
            Metric.JOBS, EnumSet.of(UnitDimension.HEADCOUNT, UnitDimension.FTE, UnitDimension.JOB_YEARS),
            Metric.OTHER, EnumSet.of(UnitDimension.COUNT, UnitDimension.PERCENT, UnitDimension.ENERGY,
                    UnitDimension.POWER, UnitDimension.MASS, UnitDimension.AREA));

    private KpiReportRules() {
    }

    /** @return every broken rule, empty when the draft is acceptable */
    public static List<FieldViolation> validate(KpiReportDraft d, LocalDate today) {
        List<FieldViolation> errors = new ArrayList<>();
        subject(d, errors);
        if (d.metric() == null) {
            errors.add(new FieldViolation("metric", "is required (one of CO2E, GDP, JOBS, OTHER)"));
        } else {
            metricFields(d, errors);
            unit(d, errors);
        }
        value(d, errors);
        period(d, today, errors);
        provenance(d, errors);
        return errors;
    }

    private static void subject(KpiReportDraft d, List<FieldViolation> errors) {
        if (d.clusterId() == null && d.projectId() == null) {
            errors.add(new FieldViolation("clusterId", "a report is about a cluster or a project: give clusterId or projectId"));
        } else if (d.clusterId() != null && d.projectId() != null) {
            errors.add(new FieldViolation("projectId", "give clusterId or projectId, not both"));
        }
    }

    private static void metricFields(KpiReportDraft d, List<FieldViolation> errors) {
        Metric m = d.metric();
        boolean co2e = m == Metric.CO2E;
        boolean jobs = m == Metric.JOBS;
        boolean gdp = m == Metric.GDP;
        boolean other = m == Metric.OTHER;

        requiredIf(co2e, d.co2eMetricType(), "co2e.metricType", "EMITTED, POTENTIAL_REDUCTION, ACHIEVED_REDUCTION, AVOIDED", m, errors);
        requiredIf(co2e, d.co2eScope(), "co2e.scope", "SCOPE_1, SCOPE_2, SCOPE_3, SCOPE_1_2, SCOPE_1_2_3", m, errors);
        requiredIf(co2e, d.gwpSet(), "co2e.gwpSet", "e.g. AR6_GWP100", m, errors);
        onlyFor(co2e, d.baseYear(), "co2e.baseYear", "CO2E", errors);
        onlyFor(co2e, d.targetYear(), "co2e.targetYear", "CO2E", errors);
        onlyFor(co2e, d.method(), "co2e.method", "CO2E", errors);
        if (co2e) {
            year(d.baseYear(), "co2e.baseYear", errors);
            year(d.targetYear(), "co2e.targetYear", errors);
            if (d.co2eMetricType() == Co2eMetricType.ACHIEVED_REDUCTION && d.baseYear() == null) {
                errors.add(new FieldViolation("co2e.baseYear", "is required for an achieved reduction (reduced from which year?)"));
            }
            if (d.co2eMetricType() == Co2eMetricType.POTENTIAL_REDUCTION && d.targetYear() == null) {
                errors.add(new FieldViolation("co2e.targetYear", "is required for a potential reduction (reached by which year?)"));
            }
            if (d.baseYear() != null && d.targetYear() != null && d.targetYear() <= d.baseYear()) {
                errors.add(new FieldViolation("co2e.targetYear", "must be after the base year"));
            }
            if (d.method() != null && d.method().length() > 500) {
                errors.add(new FieldViolation("co2e.method", "must be at most 500 characters"));
            }
        }

        requiredIf(jobs, d.jobsKind(), "jobs.kind", "CREATED, PROTECTED, CREATED_OR_PROTECTED", m, errors);
        requiredIf(jobs, d.jobsEffect(), "jobs.effect", "DIRECT, INDIRECT, INDUCED, TOTAL", m, errors);
        requiredIf(jobs, d.jobsPhase(), "jobs.phase", "CONSTRUCTION, OPERATION, CONSTRUCTION_AND_OPERATION", m, errors);

        requiredIf(gdp, d.currency(), "gdp.currency", "ISO 4217, e.g. USD", m, errors);
        requiredIf(gdp, d.priceYear(), "gdp.priceYear", "the year whose prices the value is in", m, errors);
        requiredIf(gdp, d.gdpBasis(), "gdp.basis", "DIRECT or TOTAL", m, errors);
        if (gdp) {
            if (d.currency() != null && !isCurrency(d.currency())) {
                errors.add(new FieldViolation("gdp.currency", "must be an ISO 4217 currency code in upper case, e.g. USD"));
            }
            year(d.priceYear(), "gdp.priceYear", errors);
        }

        if (other) {
            if (d.metricName() == null || d.metricName().isBlank()) {
                errors.add(new FieldViolation("metricName", "is required for metric OTHER (what is measured?)"));
            } else if (!METRIC_NAME.matcher(d.metricName().trim()).matches()) {
                errors.add(new FieldViolation("metricName", "must be 1 to 120 characters, without '|' or control characters"));
            }
        } else if (d.metricName() != null) {
            errors.add(new FieldViolation("metricName", "is only for metric OTHER; " + m + " is a named headline metric"));
        }
    }

    private static void unit(KpiReportDraft d, List<FieldViolation> errors) {
        if (d.unit() == null) {
            errors.add(new FieldViolation("unit", "is required"));
            return;
        }
        Set<UnitDimension> allowed = DIMENSIONS.get(d.metric());
        if (!allowed.contains(d.unit().dimension())) {
            List<String> units = new ArrayList<>();
            for (KpiUnit u : KpiUnit.values()) {
                if (allowed.contains(u.dimension())) {
                    units.add(u.name());
                }
            }
            errors.add(new FieldViolation("unit", d.unit() + " is not a unit of " + d.metric() + "; use one of "
                    + String.join(", ", units)));
        }
    }

    private static void value(KpiReportDraft d, List<FieldViolation> errors) {
        BigDecimal v = d.value();
        if (v == null) {
            errors.add(new FieldViolation("value", "is required"));
            return;
        }
        if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            errors.add(new FieldViolation("value", "is too large (at most " + MAX_INTEGER_DIGITS + " digits before the point)"));
        }
        if (v.scale() > MAX_SCALE && v.stripTrailingZeros().scale() > MAX_SCALE) {
            errors.add(new FieldViolation("value", "has more than " + MAX_SCALE + " decimals"));
        }
        if (d.metric() != null && d.metric() != Metric.OTHER && v.signum() < 0) {
            errors.add(new FieldViolation("value", "must be zero or positive (report a reduction as a reduction metric type, "
                    + "not as a negative emission)"));
        }
        if (d.unit() == KpiUnit.HEADCOUNT && v.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldViolation("value", "a headcount is a whole number; use FTE for fractions"));
        }
        if (d.unit() == KpiUnit.PERCENT && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(new FieldViolation("value", "a percentage is between 0 and 100"));
        }
    }

    private static void period(KpiReportDraft d, LocalDate today, List<FieldViolation> errors) {
        if (d.periodStart() == null) {
            errors.add(new FieldViolation("periodStart", "is required (first day the value covers)"));
        }
        if (d.periodEnd() == null) {
            errors.add(new FieldViolation("periodEnd", "is required (last day the value covers)"));
        }
        if (d.periodStart() != null && d.periodEnd() != null && d.periodEnd().isBefore(d.periodStart())) {
            errors.add(new FieldViolation("periodEnd", "must not be before periodStart"));
        }
        date(d.periodStart(), "periodStart", errors);
        date(d.periodEnd(), "periodEnd", errors);
        if (d.reportedOn() != null) {
            if (d.reportedOn().isAfter(today)) {
                errors.add(new FieldViolation("reportedOn", "must not be in the future"));
            }
            date(d.reportedOn(), "reportedOn", errors);
        }
    }

    private static void provenance(KpiReportDraft d, List<FieldViolation> errors) {
        boolean hasUrl = d.sourceUrl() != null && !d.sourceUrl().isBlank();
        boolean hasDocument = d.sourceDocument() != null && !d.sourceDocument().isBlank();
        if (!hasUrl && !hasDocument) {
            errors.add(new FieldViolation("source", "give source.url or source.document: every value says where it comes from"));
        }
        if (hasUrl && !URL.matcher(d.sourceUrl()).matches()) {
            errors.add(new FieldViolation("source.url", "must be an http(s) URL of at most 1000 characters"));
        }
        if (hasDocument && d.sourceDocument().length() > 500) {
            errors.add(new FieldViolation("source.document", "must be at most 500 characters"));
        }
        if (d.reportedBy() == null || d.reportedBy().isBlank()) {
            errors.add(new FieldViolation("reportedBy", "is required (who reported the value)"));
        } else if (d.reportedBy().length() > 200) {
            errors.add(new FieldViolation("reportedBy", "must be at most 200 characters"));
        }
        if (d.confidence() == null) {
            errors.add(new FieldViolation("confidence", "is required (REPORTED, ESTIMATED or VERIFIED)"));
        }
        if (d.notes() != null && d.notes().length() > 2000) {
            errors.add(new FieldViolation("notes", "must be at most 2000 characters"));
        }
    }

    private static void requiredIf(boolean applies, Object value, String field, String hint, Metric metric,
                                   List<FieldViolation> errors) {
        if (applies && value == null) {
            errors.add(new FieldViolation(field, "is required for metric " + metric + " (" + hint + ")"));
        } else if (!applies && value != null) {
            errors.add(new FieldViolation(field, "does not apply to metric " + metric));
        }
    }

    private static void onlyFor(boolean applies, Object value, String field, String metric, List<FieldViolation> errors) {
        if (!applies && value != null) {
            errors.add(new FieldViolation(field, "only applies to metric " + metric));
        }
    }

    private static void year(Integer year, String field, List<FieldViolation> errors) {
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            errors.add(new FieldViolation(field, "must be between " + MIN_YEAR + " and " + MAX_YEAR));
        }
    }

    private static void date(LocalDate date, String field, List<FieldViolation> errors) {
        if (date != null && (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR)) {
            errors.add(new FieldViolation(field, "must be between " + MIN_YEAR + " and " + MAX_YEAR));
        }
    }

    static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
