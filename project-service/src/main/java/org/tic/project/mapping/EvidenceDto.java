package org.tic.project.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Evidence", description = "What backs a stage move, milestone or readiness item")
public record EvidenceDto(
        @Schema(example = "Financial close announced by Eni and DESNZ") @NotBlank @Size(max = 1000) String description,
        @Schema(example = "https://www.eni.com/en-IT/media/press-release.html")
        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
}
