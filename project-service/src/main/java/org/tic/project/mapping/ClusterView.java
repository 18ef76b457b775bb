package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Cluster", description = "A cluster as project-service's read model knows it (from membership.events)")
public record ClusterView(
        UUID id,
        @Schema(example = "hynet-north-west") String slug,
        @Schema(example = "HyNet North West") String name,
        @Schema(example = "GB") String country,
        String subnationalRegion,
        String worldRegion,
        String type,
        List<String> sectors,
        @Schema(example = "SIGNATORY") String status,
        LocalDate joinedDate,
        Integer joinedYear,
        UUID successorId,
        UUID currentClusterId,
        @Schema(description = "membership-service's version of the cluster") long version,
        @Schema(description = "When this read model last applied an event for it") Instant syncedAt) {
}
