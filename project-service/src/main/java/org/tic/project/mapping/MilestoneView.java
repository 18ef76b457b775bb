package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.Milestone;
import org.tic.project.domain.MilestoneType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "Milestone")
public record MilestoneView(
        MilestoneType type,
        LocalDate plannedDate,
        LocalDate actualDate,
        @Schema(description = "ACHIEVED when there is an actual date; OVERDUE when the planned date passed without one")
        Milestone.Status status,
        @Schema(description = "Actual minus planned date in days, when both are known") Long slipDays,
        String note,
        List<EvidenceDto> evidence,
        Instant updatedAt,
        String updatedBy) {
}
