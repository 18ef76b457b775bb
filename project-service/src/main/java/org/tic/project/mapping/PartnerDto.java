package org.tic.project.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.PartnerRole;

import java.util.UUID;

@Schema(name = "Partner", description = "A partner organization and its role. Give organizationId for an organization "
        + "known to membership-service (its name is then taken from there), or just a name.")
public record PartnerDto(
        UUID organizationId,
        @Schema(example = "Eni") @Size(max = 200) String name,
        @Schema(example = "OPERATOR") @NotNull PartnerRole role,
        @Schema(example = "Operator of the CO2 transport and storage system") @Size(max = 500) String note) {
}
