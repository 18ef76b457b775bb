package org.tic.kpi.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.kpi.domain.Co2eMetricType;
import org.tic.kpi.domain.Co2eScope;
import org.tic.kpi.domain.GdpBasis;
import org.tic.kpi.domain.JobsEffect;
import org.tic.kpi.domain.JobsKind;
import org.tic.kpi.domain.JobsPhase;
import org.tic.kpi.domain.KpiUnit;
import org.tic.kpi.domain.Metric;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "Total", description = "The total of one bucket: values that mean the same thing (metric, metric type, "
        + "scope, ...) added in a common unit, with the coverage behind it")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TotalView(
        @Schema(description = "Bucket key", example = "CO2E|POTENTIAL_REDUCTION|SCOPE_1_2") String key,
        @Schema(example = "CO2e potential reduction, SCOPE_1_2") String label,
        Metric metric,
        String metricName,
        Co2eMetricType co2eMetricType,
        Co2eScope co2eScope,
        GdpBasis gdpBasis,
        String currency,
        JobsKind jobsKind,
        JobsEffect jobsEffect,
        JobsPhase jobsPhase,
        @Schema(description = "Unit of total, fromClusterReports and fromProjectReports", example = "MT_CO2E_PER_YEAR") KpiUnit unit,
        @Schema(description = "Null when the bucket is not summable") BigDecimal total,
        boolean summable,
        String notSummableReason,
        CoverageView coverage,
        @Schema(description = "Part of the total from cluster-level reports (own and inherited from merged clusters)") BigDecimal fromClusterReports,
        @Schema(description = "Part of the total from project-level reports no cluster figure already includes") BigDecimal fromProjectReports,
        @Schema(description = "Project values added to the total (each project once, even when shared)") int projectsCounted,
        @Schema(description = "Project values left out because a cluster-level figure of one of their clusters includes them") int projectsCoveredByClusterFigures,
        @Schema(description = "Values carried over from clusters merged into a signatory") int inheritedFromMergedClusters,
        int reportsUsed,
        @Schema(description = "GWP sets the CO2e values of this total were expressed with (listed when mixed)") List<String> gwpSets,
        @Schema(description = "Price years of the GDP values in this total (not deflated)") List<Integer> priceYears) {

    @Schema(name = "Coverage", description = "How many contributed, out of how many in scope")
    public record CoverageView(
            @Schema(example = "12") int reporting,
            @Schema(example = "33") int of,
            @Schema(description = "CLUSTERS, or PROJECTS in project-category and stage breakdowns") String counted) {
    }
}
