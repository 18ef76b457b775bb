package org.tic.project.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.ExternalRefSource;

@Schema(name = "ExternalRef", description = "The project's id in another database")
public record ExternalRefDto(
        @Schema(example = "IEA_CCUS") @NotNull ExternalRefSource source,
        @Schema(example = "ID-1234") @NotBlank @Size(max = 100) String id,
        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
}
