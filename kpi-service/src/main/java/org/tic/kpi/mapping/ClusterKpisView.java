package org.tic.kpi.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "ClusterKpis", description = "One cluster's KPI figures, including what it inherited from merged "
        + "clusters and the projects attributed to it")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterKpisView(
        UUID clusterId,
        String name,
        String slug,
        String country,
        String worldRegion,
        String type,
        List<String> sectors,
        LocalDate asOf,
        @Schema(description = "Status on asOf") String status,
        @Schema(description = "Whether its figures count in the initiative totals on asOf") boolean countedInInitiativeTotals,
        @Schema(description = "Why not, when they do not") String notCountedReason,
        @Schema(description = "The signatory its figures pass to, when merged") UUID mergedInto,
        List<StatusPeriodView> statusHistory,
        List<FigureView> figures,
        List<ProjectFigureView> projects) {

    @Schema(name = "StatusPeriod")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusPeriodView(String status, LocalDate validFrom, LocalDate validTo,
                                   @Schema(description = "EXPLICIT, JOINED_DATE, JOINED_YEAR (approximate: 1 January) or OBSERVED") String origin) {
    }

    @Schema(name = "ClusterFigure")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FigureView(String key, String label, String unit,
                             @Schema(description = "Own value plus inherited ones (null when they cannot be combined)") BigDecimal value,
                             @Schema(description = "The cluster's own value") BigDecimal ownValue,
                             List<UUID> reportIds,
                             @Schema(description = "Merged clusters whose values are included") List<UUID> inheritedFrom) {
    }

    @Schema(name = "ClusterProjectFigure")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectFigureView(UUID projectId, String name, String category, String stage, String key, String label,
                                    String unit, BigDecimal value, UUID reportId,
                                    @Schema(description = "The project belongs to several clusters; its full value is shown for each of them, and counts once in initiative totals") boolean shared,
                                    List<UUID> sharedWith,
                                    @Schema(description = "A cluster-level figure already includes this value in totals") boolean coveredByClusterFigure) {
    }
}
