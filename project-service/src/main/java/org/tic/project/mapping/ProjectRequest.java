package org.tic.project.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.CorridorCommodity;
import org.tic.project.domain.ProjectCategory;
import org.tic.project.domain.Stage;
import org.tic.project.domain.TransportMode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project to create (POST) or replace (PUT). {@code stage}, {@code stageDate} and {@code milestones} only apply
 * on create: a project is registered at the stage it has reached; later moves go through stage-transitions and
 * milestones through their own resource.
 */
@Schema(name = "ProjectRequest", description = "A project to create or replace")
public record ProjectRequest(
        @Schema(example = "Liverpool Bay CCS") @NotBlank @Size(max = 200) String name,
        @Schema(example = "CO2 transport and storage backbone of the HyNet cluster") @Size(max = 4000) String description,
        @Schema(example = "CO2_TRANSPORT_STORAGE") @NotNull ProjectCategory category,
        @Schema(description = "A SIGNATORY cluster known from membership.events") @NotNull UUID leadClusterId,
        @Schema(description = "Other clusters taking part, in route order for corridors")
        @Size(max = 50) List<@NotNull UUID> participatingClusterIds,
        @Schema(description = "Corridor origin (default: the lead cluster)") UUID originClusterId,
        @Schema(description = "Corridor destination (default: the last participating cluster in another country)") UUID destinationClusterId,
        @Schema(description = "Corridors only: what it carries", example = "HYDROGEN") CorridorCommodity corridorCommodity,
        @Schema(description = "Corridors only: how it carries it", example = "PIPELINE") TransportMode corridorTransportMode,
        @Schema(description = "Create only: the stage reached when registered (default CONCEPT)", example = "FID") Stage stage,
        @Schema(description = "Create only: since when it is at that stage, if known", example = "2025-04-24") LocalDate stageDate,
        @Valid CapacityDto capacity,
        @Valid Co2eDto estimatedCo2eReduction,
        @Valid CapexDto capex,
        @Valid FundingDto funding,
        @Schema(example = "Regulated asset base with an economic licence") @Size(max = 2000) String businessModel,
        @Size(max = 50) List<@NotNull @Valid PartnerDto> partners,
        @Size(max = 20) List<@NotNull @Valid ExternalRefDto> externalRefs,
        @Size(max = 20) List<@NotNull @Valid SourceDto> sources,
        @Schema(description = "Create only: milestones already known")
        @Size(max = 20) List<@NotNull @Valid MilestoneInput> milestones) {
}
