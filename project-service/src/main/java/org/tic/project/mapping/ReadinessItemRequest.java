package org.tic.project.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.ReadinessStatus;

import java.util.List;

@Schema(name = "ReadinessItemRequest", description = "COMPLETE needs evidence; NOT_APPLICABLE needs a note saying why")
public record ReadinessItemRequest(
        @Schema(example = "COMPLETE") @NotNull ReadinessStatus status,
        @Size(max = 2000) String note,
        @Size(max = 20) List<@NotNull @Valid EvidenceDto> evidence) {
}
