package org.tic.membership.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "StatusActionRequest", description = "Why, and from when (default: today)")
public record StatusActionRequest(@Schema(example = "Coordinator asked to pause membership during restructuring")
                                  @NotBlank @Size(max = 1000) String reason,
                                  LocalDate effectiveDate) {
}
