package org.tic.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.ReadinessItemKey;
import org.tic.project.domain.ReadinessStatus;

import java.time.Instant;
import java.util.List;

@Schema(name = "ReadinessItem")
public record ReadinessItemView(
        ReadinessItemKey item,
        @Schema(example = "Business model and revenue support") String label,
        ReadinessStatus status,
        String note,
        List<EvidenceDto> evidence,
        Instant updatedAt,
        String updatedBy) {
}
