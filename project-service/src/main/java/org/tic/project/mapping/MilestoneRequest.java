package org.tic.project.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "MilestoneRequest", description = "Planned and/or actual date of a milestone (both null clears it)")
public record MilestoneRequest(
        @Schema(example = "2028-01-01") LocalDate plannedDate,
        @Schema(example = "2025-04-24") LocalDate actualDate,
        @Size(max = 2000) String note,
        @Size(max = 20) List<@NotNull @Valid EvidenceDto> evidence) {
}
