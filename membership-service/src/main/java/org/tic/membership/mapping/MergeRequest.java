package org.tic.membership.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "MergeRequest", description = "Either successorClusterId (one of the predecessors or another cluster) or newCluster")
public record MergeRequest(
        @Schema(description = "Clusters that become one; at least two counting an existing successor")
        @NotNull @Size(min = 1, max = 20) List<@NotNull UUID> predecessorIds,
        UUID successorClusterId,
        @Valid ClusterRequest newCluster,
        @Schema(example = "2025-03-01") LocalDate effectiveDate,
        @Size(max = 1000) String reason) {
}
