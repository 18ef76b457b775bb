package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "StageTransition", description = "One dated move in the stage history (the first is the registration)")
public record StageTransitionView(
        int sequence,
        @Schema(description = "Null for the registration entry") Stage from,
        Stage to,
        LocalDate date,
        String note,
        List<EvidenceDto> evidence,
        List<Stage> skipped,
        String skipReason,
        boolean readinessOverride,
        String overrideReason,
        Instant recordedAt,
        String recordedBy) {
}
