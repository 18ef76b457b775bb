package org.tic.kpi.mapping;

import org.tic.commons.rules.FieldViolation;
import org.tic.kpi.domain.Co2eMetricType;
import org.tic.kpi.domain.Co2eScope;
import org.tic.kpi.domain.Confidence;
import org.tic.kpi.domain.GdpBasis;
import org.tic.kpi.domain.GwpSet;
import org.tic.kpi.domain.JobsEffect;
import org.tic.kpi.domain.JobsKind;
import org.tic.kpi.domain.JobsPhase;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.domain.KpiReportDraft;
import org.tic.kpi.domain.KpiUnit;
import org.tic.kpi.domain.Metric;
import org.tic.kpi.domain.SubjectType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The CSV form of KPI reports. Column names are the JSON field paths of the API ({@code co2e.metricType}), so a
 * validation message names the same field in both; {@code cluster} takes a cluster id or its slug.
 */
public final class KpiCsv {

    public static final List<String> IMPORT_COLUMNS = List.of("cluster", "projectId", "metric", "metricName",
            "co2e.metricType", "co2e.scope", "co2e.gwpSet", "co2e.baseYear", "co2e.targetYear", "co2e.method",
            "jobs.kind", "jobs.effect", "jobs.phase", "gdp.currency", "gdp.priceYear", "gdp.basis", "value", "unit",
            "periodStart", "periodEnd", "reportedOn", "source.url", "source.document", "reportedBy", "confidence", "notes");

    public static final List<String> REQUIRED_COLUMNS = List.of("metric", "value", "unit", "periodStart", "periodEnd",
            "reportedBy", "confidence");

    /** What each column holds, for the template and the README. */
    public static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("cluster", "cluster id (UUID) or slug; give cluster or projectId"),
            Map.entry("projectId", "project id (UUID); give cluster or projectId"),
            Map.entry("metric", "CO2E, GDP, JOBS or OTHER"),
            Map.entry("metricName", "OTHER only: what is measured"),
            Map.entry("co2e.metricType", "CO2E: EMITTED, POTENTIAL_REDUCTION, ACHIEVED_REDUCTION, AVOIDED"),
            Map.entry("co2e.scope", "CO2E: SCOPE_1, SCOPE_2, SCOPE_3, SCOPE_1_2, SCOPE_1_2_3"),
            Map.entry("co2e.gwpSet", "CO2E: e.g. AR6_GWP100"),
            Map.entry("co2e.baseYear", "CO2E: required for ACHIEVED_REDUCTION"),
            Map.entry("co2e.targetYear", "CO2E: required for POTENTIAL_REDUCTION"),
            Map.entry("co2e.method", "CO2E: method, free text"),
            Map.entry("jobs.kind", "JOBS: CREATED, PROTECTED, CREATED_OR_PROTECTED"),
            Map.entry("jobs.effect", "JOBS: DIRECT, INDIRECT, INDUCED, TOTAL"),
            Map.entry("jobs.phase", "JOBS: CONSTRUCTION, OPERATION, CONSTRUCTION_AND_OPERATION"),
            Map.entry("gdp.currency", "GDP: ISO 4217 code, e.g. USD"),
            Map.entry("gdp.priceYear", "GDP: year of the prices"),
            Map.entry("gdp.basis", "GDP: DIRECT or TOTAL"),
            Map.entry("value", "decimal number with a point, e.g. 4.5"),
            Map.entry("unit", "a unit of the metric, e.g. MT_CO2E_PER_YEAR, HEADCOUNT, CURRENCY_BILLIONS"),
            Map.entry("periodStart", "YYYY-MM-DD"),
            Map.entry("periodEnd", "YYYY-MM-DD"),
            Map.entry("reportedOn", "YYYY-MM-DD, when the source reported it (default: the import day)"),
            Map.entry("source.url", "http(s) URL; give source.url or source.document"),
            Map.entry("source.document", "document reference"),
            Map.entry("reportedBy", "who reported the value"),
            Map.entry("confidence", "REPORTED, ESTIMATED or VERIFIED"),
            Map.entry("notes", "free text"));

    public static final List<String> EXPORT_COLUMNS;

    static {
        List<String> export = new ArrayList<>(List.of("id", "seriesId", "revision", "current", "supersedesId", "validTo",
                "correctionReason"));
        export.addAll(IMPORT_COLUMNS);
        export.addAll(List.of("normalisedValue", "normalisedUnit", "bucketKey", "importId", "recordedAt", "recordedBy"));
        EXPORT_COLUMNS = List.copyOf(export);
    }

    /** A parsed row: the draft (with unparseable fields left null) and what could not be parsed. */
    public record Parsed(KpiReportDraft draft, String clusterRef, List<FieldViolation> errors) {
    }

    private KpiCsv() {
    }

    /** @return problems with a header, empty when it can be imported */
    public static List<String> checkHeader(List<String> header) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            String name = h.trim();
            if (!IMPORT_COLUMNS.contains(name)) {
                problems.add("unknown column '" + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + "'");
            } else if (!seen.add(name)) {
                problems.add("column '" + name + "' appears twice");
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!seen.contains(required)) {
                problems.add("missing column '" + required + "'");
            }
        }
        if (!seen.contains("cluster") && !seen.contains("projectId")) {
            problems.add("missing column 'cluster' or 'projectId'");
        }
        return problems;
    }

    /**
     * Parses one data row against the header. The cluster reference is returned as text: resolving a slug needs
     * the read model, which the caller has.
     */
    public static Parsed parse(List<String> header, List<String> fields) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = i < fields.size() ? fields.get(i).trim() : "";
            v.put(header.get(i).trim(), value.isEmpty() ? null : value);
        }
        List<FieldViolation> errors = new ArrayList<>();
        if (fields.size() > header.size()) {
            errors.add(new FieldViolation("row", "has " + fields.size() + " fields, the header " + header.size()));
        }
        Fields f = new Fields(v, errors);
        KpiReportDraft draft = new KpiReportDraft(
                null,
                f.get("projectId", UUID::fromString, "a UUID"),
                f.enumOf("metric", Metric.class),
                v.get("metricName"),
                f.enumOf("co2e.metricType", Co2eMetricType.class),
                f.enumOf("co2e.scope", Co2eScope.class),
                f.enumOf("co2e.gwpSet", GwpSet.class),
                f.get("co2e.baseYear", Integer::valueOf, "a year"),
                f.get("co2e.targetYear", Integer::valueOf, "a year"),
                v.get("co2e.method"),
                f.enumOf("jobs.kind", JobsKind.class),
                f.enumOf("jobs.effect", JobsEffect.class),
                f.enumOf("jobs.phase", JobsPhase.class),
                v.get("gdp.currency"),
                f.get("gdp.priceYear", Integer::valueOf, "a year"),
                f.enumOf("gdp.basis", GdpBasis.class),
                f.get("value", BigDecimal::new, "a decimal number like 4.5"),
                f.enumOf("unit", KpiUnit.class),
                f.get("periodStart", LocalDate::parse, "a date YYYY-MM-DD"),
                f.get("periodEnd", LocalDate::parse, "a date YYYY-MM-DD"),
                f.get("reportedOn", LocalDate::parse, "a date YYYY-MM-DD"),
                v.get("source.url"),
                v.get("source.document"),
                v.get("reportedBy"),
                f.enumOf("confidence", Confidence.class),
                v.get("notes"));
        // In the file's column order, as a reader scans the row.
        List<String> trimmed = header.stream().map(String::trim).toList();
        errors.sort(java.util.Comparator.comparingInt(e -> trimmed.indexOf(e.field())));
        return new Parsed(draft, v.get("cluster"), errors);
    }

    /** Rule fields named as CSV columns. */
    public static String column(String field) {
        return "clusterId".equals(field) ? "cluster" : field;
    }

    public static List<Object> exportRow(KpiReport r) {
        return exportRow(r, true);
    }

    /** @param withProvenance false leaves reportedBy, notes and recordedBy empty (see the API's KpiReport) */
    public static List<Object> exportRow(KpiReport r, boolean withProvenance) {
        List<Object> row = new ArrayList<>(EXPORT_COLUMNS.size());
        row.addAll(Arrays.asList(r.id, r.seriesId, r.revision, r.currentVersion, r.supersedesId, r.validTo,
                r.correctionReason,
                r.subjectType == SubjectType.CLUSTER ? r.subjectId : null,
                r.subjectType == SubjectType.PROJECT ? r.subjectId : null,
                r.metric, r.metricName, r.co2eMetricType, r.co2eScope, r.gwpSet, r.baseYear, r.targetYear, r.method,
                r.jobsKind, r.jobsEffect, r.jobsPhase, r.gdpCurrency, r.gdpPriceYear, r.gdpBasis,
                r.value.toPlainString(), r.unit, r.periodStart, r.periodEnd, r.reportedOn, r.sourceUrl, r.sourceDocument,
                withProvenance ? r.reportedBy : null, r.confidence, withProvenance ? r.notes : null,
                RollupMapper.plain(r.normalisedValue).toPlainString(),
                r.normalisedUnit, r.bucketKey, r.importId, r.recordedAt, withProvenance ? r.recordedBy : null));
        return row;
    }

    private record Fields(Map<String, String> values, List<FieldViolation> errors) {
        <T> T get(String column, Function<String, T> parse, String expected) {
            String raw = values.get(column);
            if (raw == null) {
                return null;
            }
            try {
                return parse.apply(raw);
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                errors.add(new FieldViolation(column, "'" + shorten(raw) + "' is not " + expected));
                return null;
            }
        }

        <E extends Enum<E>> E enumOf(String column, Class<E> type) {
            String raw = values.get(column);
            if (raw == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation(column, "'" + shorten(raw) + "' is not one of "
                        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
                return null;
            }
        }

        private static String shorten(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
