package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.Stage;

import java.util.List;

@Schema(name = "Stage", description = "A platform stage, its place in the life cycle and its terms in the trackers' vocabularies")
public record StageView(
        Stage stage,
        @Schema(description = "Position on the main line from 0; null off it") Integer order,
        String label,
        String description,
        boolean mainLine,
        boolean terminal,
        StageTermsView terms,
        @Schema(description = "Stages reachable in one move from here (for ON_HOLD: the held stage or CANCELLED)") List<Stage> nextStages) {
}
