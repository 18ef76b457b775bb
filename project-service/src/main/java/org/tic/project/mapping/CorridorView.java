package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.CorridorCommodity;
import org.tic.project.domain.ProjectCategory;
import org.tic.project.domain.Stage;
import org.tic.project.domain.TransportMode;

import java.util.List;
import java.util.UUID;

@Schema(name = "Corridor", description = "A project spanning two or more clusters in two or more countries")
public record CorridorView(
        UUID projectId,
        @Schema(example = "Algeciras – Rotterdam green hydrogen corridor") String name,
        ProjectCategory category,
        @Schema(description = "What it carries (null when not given)") CorridorCommodity commodity,
        @Schema(description = "How it carries it (null when not given)") TransportMode transportMode,
        Stage stage,
        ClusterRefView origin,
        ClusterRefView destination,
        @Schema(description = "Every cluster of the project, lead first") List<ClusterRefView> clusters,
        List<String> countries) {
}
