package org.tic.kpi.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.kpi.domain.Co2eMetricType;
import org.tic.kpi.domain.Co2eScope;
import org.tic.kpi.domain.Confidence;
import org.tic.kpi.domain.GdpBasis;
import org.tic.kpi.domain.GwpSet;
import org.tic.kpi.domain.JobsEffect;
import org.tic.kpi.domain.JobsKind;
import org.tic.kpi.domain.JobsPhase;
import org.tic.kpi.domain.KpiUnit;
import org.tic.kpi.domain.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The rules live in {@code KpiReportRules} (shared with the CSV import), not in annotations here. */
@Schema(name = "KpiReportRequest", description = "One KPI value for a cluster or a project and a period. Give the "
        + "group of fields of its metric (co2e, jobs or gdp) and no other.")
public record KpiReportRequest(
        @Schema(description = "The reporting cluster (or give projectId)") UUID clusterId,
        @Schema(description = "The project the value is about (or give clusterId)") UUID projectId,
        @Schema(example = "CO2E") Metric metric,
        @Schema(description = "For metric OTHER: what is measured", example = "Green hydrogen output") String metricName,
        Co2e co2e,
        Jobs jobs,
        Gdp gdp,
        @Schema(example = "4.5") BigDecimal value,
        @Schema(description = "Must belong to the metric (no jobs in Mt)", example = "MT_CO2E_PER_YEAR") KpiUnit unit,
        @Schema(example = "2024-01-01") LocalDate periodStart,
        @Schema(example = "2024-12-31") LocalDate periodEnd,
        @Schema(description = "When the source reported it (defaults to today; as-of answers use it)", example = "2025-01-22") LocalDate reportedOn,
        Source source,
        @Schema(example = "HyNet North West cluster coordinator") String reportedBy,
        @Schema(example = "REPORTED") Confidence confidence,
        String notes) {

    @Schema(name = "Co2eFields")
    public record Co2e(
            @Schema(example = "POTENTIAL_REDUCTION") Co2eMetricType metricType,
            @Schema(example = "SCOPE_1_2") Co2eScope scope,
            @Schema(example = "AR6_GWP100") GwpSet gwpSet,
            @Schema(description = "Required for ACHIEVED_REDUCTION", example = "2019") Integer baseYear,
            @Schema(description = "Required for POTENTIAL_REDUCTION", example = "2030") Integer targetYear,
            @Schema(example = "Cluster decarbonisation plan, bottom-up by site") String method) {
    }

    @Schema(name = "JobsFields")
    public record Jobs(
            @Schema(example = "CREATED") JobsKind kind,
            @Schema(example = "DIRECT") JobsEffect effect,
            @Schema(example = "OPERATION") JobsPhase phase) {
    }

    @Schema(name = "GdpFields")
    public record Gdp(
            @Schema(description = "ISO 4217", example = "USD") String currency,
            @Schema(example = "2023") Integer priceYear,
            @Schema(example = "DIRECT") GdpBasis basis) {
    }

    @Schema(name = "Source", description = "Where the value comes from: a URL, a document reference, or both")
    public record Source(
            @Schema(example = "https://example.org/cluster-report-2024.pdf") String url,
            @Schema(example = "Cluster annual report 2024, p. 12") String document) {
    }
}
