package org.tic.membership.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.ClusterType;
import org.tic.membership.domain.IsoCountry;
import org.tic.membership.domain.WorldRegion;

import java.util.List;
import java.util.UUID;

@Schema(name = "ClusterRequest", description = "A cluster to register or replace. Status, joined date and successor "
        + "change only through applications, status actions and merges.")
public record ClusterRequest(
        @Schema(example = "HyNet North West") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Stable URL name; derived from the name when absent", example = "hynet-north-west")
        @Size(max = 120) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens") String slug,
        @Schema(example = "GB") @NotNull @IsoCountry String country,
        @Schema(example = "North West England") @Size(max = 200) String subnationalRegion,
        @Schema(example = "EUROPE") @NotNull WorldRegion worldRegion,
        @Schema(example = "INDUSTRIAL_COMPLEX") @NotNull ClusterType type,
        @Schema(example = "[\"chemicals\", \"refining\", \"hydrogen\"]") @Size(max = 20) List<@NotBlank @Size(max = 80) String> sectors,
        UUID coordinatorOrganizationId,
        @Valid Location location,
        @Schema(description = "Public sources for the facts above") @Size(max = 10) List<@NotBlank @Size(max = 1000) String> sources) {

    public record Location(@NotNull @Min(-90) @Max(90) Double latitude, @NotNull @Min(-180) @Max(180) Double longitude) {
    }
}
