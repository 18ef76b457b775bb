package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "Readiness", description = "The bankability checklist of a project and its computed summary")
public record ReadinessView(UUID projectId, long projectVersion, ReadinessSummaryView summary, List<ReadinessItemView> items) {
}
