package org.tic.membership.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.ClusterStatus;
import org.tic.membership.domain.ClusterType;
import org.tic.membership.domain.WorldRegion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Cluster")
public record ClusterView(
        UUID id,
        @Schema(example = "hynet-north-west") String slug,
        @Schema(example = "HyNet North West") String name,
        @Schema(example = "GB") String country,
        String subnationalRegion,
        WorldRegion worldRegion,
        ClusterType type,
        List<String> sectors,
        UUID coordinatorOrganizationId,
        ClusterRequest.Location location,
        ClusterStatus status,
        String statusReason,
        @Schema(description = "The day it became a signatory, when known") LocalDate joinedDate,
        @Schema(description = "The year it became a signatory (public sources often give only the year)", example = "2021") Integer joinedYear,
        @Schema(description = "The joint cluster this one merged into") UUID successorId,
        List<String> sources,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
