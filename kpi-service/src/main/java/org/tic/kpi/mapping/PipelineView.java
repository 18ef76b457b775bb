package org.tic.kpi.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

@Schema(name = "Pipeline", description = "Projects by stage and category, from project.events")
public record PipelineView(
        @Schema(example = "4") int projects,
        @Schema(description = "Projects with a final investment decision date, whatever their stage now", example = "1")
        int reachedFid,
        List<StageView> stages,
        @Schema(description = "Project counts by category, then stage") Map<String, Map<String, Integer>> byCategory) {

    @Schema(name = "PipelineStage")
    public record StageView(
            @Schema(example = "FEASIBILITY") String stage,
            @Schema(example = "2") int projects,
            @Schema(description = "Projects per category in this stage") Map<String, Integer> byCategory,
            @Schema(description = "Capacity summed per unit (units are never mixed)") List<Amount> capacity,
            @Schema(description = "Estimated CO2e per metric type, in Mt CO2e/yr") List<Amount> co2e) {
    }

    @Schema(name = "PipelineAmount")
    public record Amount(@Schema(example = "MT_CO2E_PER_YEAR") String unit,
                         @Schema(description = "For CO2e: the metric type; null for a capacity", example = "POTENTIAL_REDUCTION")
                         String metricType,
                         @Schema(example = "4.5") BigDecimal total,
                         @Schema(description = "Projects summed", example = "2") int projects) {
    }
}
