package org.tic.project.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.Stage;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "StageTransitionRequest", description = "A dated stage move")
public record StageTransitionRequest(
        @Schema(example = "FID") @NotNull Stage to,
        @Schema(example = "2025-04-24") @NotNull LocalDate date,
        @Schema(description = "What happened; the reason when cancelling", example = "Final investment decision and financial close")
        @Size(max = 2000) String note,
        @Size(max = 20) List<@NotNull @Valid EvidenceDto> evidence,
        @Schema(description = "Required when the move skips main-line stages (e.g. FID straight from FEED)")
        @Size(max = 2000) String skipReason,
        @Schema(description = "Move to BANKABLE although the readiness checklist is incomplete") Boolean override,
        @Schema(description = "Required with override") @Size(max = 2000) String overrideReason) {
}
