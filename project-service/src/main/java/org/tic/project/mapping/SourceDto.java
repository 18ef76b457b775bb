package org.tic.project.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Source", description = "A public document the project's data comes from")
public record SourceDto(
        @Schema(example = "Eni reaches financial close on Liverpool Bay CCS") @Size(max = 300) String title,
        @Schema(example = "https://www.gasworld.com/story/italys-eni-reaches-financial-close-on-liverpool-bay-ccs-project-in-uk/2155170.article")
        @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Schema(description = "What this source supports", example = "FID and financial close on 24 April 2025")
        @Size(max = 1000) String note) {
}
