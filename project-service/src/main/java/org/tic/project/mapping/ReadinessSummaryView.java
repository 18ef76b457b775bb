package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.Readiness;
import org.tic.project.domain.ReadinessItemKey;

import java.util.List;

@Schema(name = "ReadinessSummary", description = "Computed from the checklist: complete when every item is COMPLETE or NOT_APPLICABLE")
public record ReadinessSummaryView(
        Readiness.Level level,
        boolean complete,
        int itemsTotal,
        int itemsComplete,
        int itemsNotApplicable,
        int itemsInProgress,
        @Schema(description = "Share of applicable items complete") int percent,
        List<ReadinessItemKey> missing) {
}
