package org.tic.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Valid drafts to start a test from. */
final class Drafts {

    static final UUID CLUSTER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    private Drafts() {
    }

    static KpiReportDraft co2e(String value, KpiUnit unit) {
        return new KpiReportDraft(CLUSTER, null, Metric.CO2E, null, Co2eMetricType.POTENTIAL_REDUCTION, Co2eScope.SCOPE_1_2,
                GwpSet.AR6_GWP100, 2019, 2030, "cluster decarbonisation plan", null, null, null, null, null, null,
                new BigDecimal(value), unit, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 22),
                "https://example.org/report.pdf", null, "Cluster coordinator", Confidence.REPORTED, null);
    }

    static KpiReportDraft jobs(String value, KpiUnit unit) {
        return new KpiReportDraft(CLUSTER, null, Metric.JOBS, null, null, null, null, null, null, null, JobsKind.CREATED,
                JobsEffect.DIRECT, JobsPhase.OPERATION, null, null, null, new BigDecimal(value), unit,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, null, "Annual report 2024",
                "Cluster coordinator", Confidence.ESTIMATED, null);
    }

    static KpiReportDraft gdp(String value, KpiUnit unit) {
        return new KpiReportDraft(CLUSTER, null, Metric.GDP, null, null, null, null, null, null, null, null, null, null,
                "USD", 2023, GdpBasis.TOTAL, new BigDecimal(value), unit, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), null, "https://example.org/gdp", null, "Economist", Confidence.VERIFIED, null);
    }

    static KpiReportDraft other(String name, String value, KpiUnit unit) {
        return new KpiReportDraft(CLUSTER, null, Metric.OTHER, name, null, null, null, null, null, null, null, null, null,
                null, null, null, new BigDecimal(value), unit, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null,
                null, "Annual report", "Cluster coordinator", Confidence.REPORTED, null);
    }
}
