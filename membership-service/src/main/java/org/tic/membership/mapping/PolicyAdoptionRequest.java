package org.tic.membership.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.IsoCountry;
import org.tic.membership.domain.PolicyAdoption;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "PolicyAdoptionRequest")
public record PolicyAdoptionRequest(
        @Schema(example = "MY") @NotNull @IsoCountry String country,
        @Schema(example = "Ministry of Investment, Trade and Industry") @Size(max = 300) String governmentBody,
        UUID governmentOrganizationId,
        @Schema(example = "Transitioning Industrial Clusters as a national agenda") @NotBlank @Size(max = 300) String title,
        @NotNull PolicyAdoption.Kind kind,
        @Schema(example = "2025-06-01") @NotNull LocalDate adoptedOn,
        @Size(max = 2000) String scope,
        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String sourceUrl,
        @Schema(description = "Clusters of the adopting country the adoption concerns") @Size(max = 200) List<@NotNull UUID> clusterIds,
        @Schema(description = "Projects (project-service ids) the adoption concerns") @Size(max = 200) List<@NotNull UUID> projectIds) {
}
