package org.tic.kpi.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** API records of the dashboard endpoints (public, read-only, cache-friendly). */
public final class DashboardViews {

    private DashboardViews() {
    }

    @Schema(name = "ClusterListItem", description = "A cluster from the read model built from membership events, with "
            + "its status on asOf")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClusterRow(
            UUID id,
            String slug,
            String name,
            @Schema(example = "GB") String country,
            @Schema(example = "EUROPE") String worldRegion,
            @Schema(example = "INDUSTRIAL_COMPLEX") String type,
            List<String> sectors,
            @Schema(description = "Status on asOf (from the status history)", example = "SIGNATORY") String status,
            @Schema(description = "How the start of that status is known: EXPLICIT, JOINED_DATE, JOINED_YEAR "
                    + "(approximate: 1 January) or OBSERVED") String statusOrigin,
            @Schema(description = "Whether it counts in the initiative totals on asOf (SIGNATORY on the date)") boolean counted,
            @Schema(description = "Its latest status, whatever asOf") String currentStatus,
            @Schema(description = "First day it counted as a signatory") LocalDate signatorySince,
            LocalDate joinedDate,
            Integer joinedYear,
            @Schema(description = "The cluster it was merged into") UUID successorId,
            @Schema(description = "Projects it leads or takes part in (read model of project events)") int projects) {
    }

    @Schema(name = "ClusterProject", description = "A project a cluster leads or takes part in, directly or through a "
            + "cluster merged into it")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProjectRow(
            UUID id,
            String name,
            @Schema(example = "CO2_TRANSPORT_STORAGE") String category,
            @Schema(example = "FEED") String stage,
            LocalDate stageDate,
            @Schema(description = "Final investment decision date, whatever the stage now") LocalDate fidDate,
            LocalDate cancelledOn,
            @Schema(description = "LEAD or PARTICIPANT") String role,
            @Schema(description = "Set when the project came with a cluster merged into this one") UUID viaMergedCluster,
            UUID leadClusterId,
            List<UUID> participatingClusterIds,
            List<String> countries,
            boolean corridor,
            BigDecimal capacityValue,
            String capacityUnit,
            @Schema(description = "Estimated CO2e reduction as published by the project") BigDecimal co2eValue,
            String co2eUnit,
            String co2eMetricType) {
    }

    @Schema(name = "DataVersion", description = "Changes whenever anything the initiative roll-ups are computed from "
            + "changes (clusters, projects, reports, published figures) and at midnight UTC. Poll it with If-None-Match: "
            + "304 means nothing to redraw.")
    public record DataVersion(
            @Schema(description = "Opaque; equal versions mean equal data") String version,
            @Schema(description = "UTC day the version was computed on (today's roll-ups change with it)") LocalDate today,
            @Schema(description = "When today's initiative totals last changed") Instant totalsChangedAt) {
    }
}
