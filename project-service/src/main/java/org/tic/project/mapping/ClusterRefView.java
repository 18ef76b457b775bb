package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A cluster a project refers to, as the read model knows it. */
@Schema(name = "ClusterRef", description = "A referenced cluster; after a merge, currentClusterId is its successor")
public record ClusterRefView(
        UUID id,
        @Schema(example = "hynet-north-west") String slug,
        @Schema(example = "HyNet North West") String name,
        @Schema(example = "GB") String country,
        @Schema(example = "SIGNATORY") String status,
        UUID successorId,
        @Schema(description = "The cluster that carries this one on today: itself, or the end of its successor chain")
        UUID currentClusterId) {
}
