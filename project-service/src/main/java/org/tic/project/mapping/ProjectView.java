package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.CorridorCommodity;
import org.tic.project.domain.ProjectCategory;
import org.tic.project.domain.Stage;
import org.tic.project.domain.TransportMode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Project")
public record ProjectView(
        UUID id,
        @Schema(example = "Liverpool Bay CCS") String name,
        String description,
        ProjectCategory category,
        @Schema(description = "The category in the IEA / GEM / MPP vocabularies") CategoryTermsView categoryTerms,
        UUID leadClusterId,
        ClusterRefView leadCluster,
        List<UUID> participatingClusterIds,
        List<ClusterRefView> participatingClusters,
        @Schema(description = "Countries of the project's clusters", example = "[\"GB\"]") List<String> countries,
        @Schema(description = "Spans two or more clusters in two or more countries") boolean corridor,
        UUID originClusterId,
        UUID destinationClusterId,
        @Schema(description = "Corridors only: what it carries (null when not given)") CorridorCommodity corridorCommodity,
        @Schema(description = "Corridors only: how it carries it (null when not given)") TransportMode corridorTransportMode,
        Stage stage,
        LocalDate stageDate,
        @Schema(description = "While ON_HOLD: the stage it resumes to") Stage heldStage,
        LocalDate fidDate,
        @Schema(description = "The current stage in the IEA / GCCSI / GEM / MPP vocabularies") StageTermsView stageTerms,
        @Schema(description = "Stages reachable in one move (further main-line stages need a skipReason)") List<Stage> nextStages,
        CapacityDto capacity,
        Co2eDto estimatedCo2eReduction,
        @Schema(description = "Financial: shown only to the secretariat, coordinators of the project's clusters and its "
                + "partner organizations; null for everyone else") CapexDto capex,
        @Schema(description = "Financial (funding secured and its sources): shown only to the secretariat, coordinators "
                + "of the project's clusters and its partner organizations; null for everyone else") FundingDto funding,
        @Schema(description = "Financial: shown only to the secretariat, coordinators of the project's clusters and its "
                + "partner organizations; null for everyone else") String businessModel,
        List<PartnerDto> partners,
        List<ExternalRefDto> externalRefs,
        List<SourceDto> sources,
        ReadinessSummaryView readiness,
        @Schema(description = "Optimistic-lock version; also the ETag") long version,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        String updatedBy) {
}
