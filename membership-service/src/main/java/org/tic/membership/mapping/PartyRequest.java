package org.tic.membership.mapping;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.PartyRole;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "PartyRequest")
public record PartyRequest(@NotNull UUID organizationId,
                           @Schema(example = "MEMBER") @NotNull PartyRole role,
                           @Schema(example = "2024-01-15") LocalDate since) {
}
