package org.tic.kpi.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

@Schema(name = "Pipeline", description = "Projects by stage and category, from project.events")
public record PipelineView(
        int projects,
        @Schema(description = "Projects with a final investment decision date, whatever their stage now") int reachedFid,
        List<StageView> stages,
        @Schema(description = "Project counts by category, then stage") Map<String, Map<String, Integer>> byCategory) {

    @Schema(name = "PipelineStage")
    public record StageView(
            String stage,
            int projects,
            @Schema(description = "Projects per category in this stage") Map<String, Integer> byCategory,
            @Schema(description = "Capacity summed per unit (units are never mixed)") List<Amount> capacity,
            @Schema(description = "Estimated CO2e per metric type, in Mt CO2e/yr") List<Amount> co2e) {
    }

    @Schema(name = "PipelineAmount")
    public record Amount(String unit, String metricType, BigDecimal total, int projects) {
    }
}
