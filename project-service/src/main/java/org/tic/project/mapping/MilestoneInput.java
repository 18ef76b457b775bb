package org.tic.project.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.MilestoneType;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "MilestoneInput", description = "A milestone given when a project is created")
public record MilestoneInput(
        @Schema(example = "FINANCIAL_CLOSE") @NotNull MilestoneType type,
        LocalDate plannedDate,
        @Schema(example = "2025-04-24") LocalDate actualDate,
        @Size(max = 2000) String note,
        @Size(max = 20) List<@NotNull @Valid EvidenceDto> evidence) {
}
