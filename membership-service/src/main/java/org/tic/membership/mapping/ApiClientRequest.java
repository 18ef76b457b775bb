package org.tic.membership.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiClientRequest", description = "A machine client for an organization (client-credentials grant)")
public record ApiClientRequest(
        @Schema(example = "ERP integration", description = "What the client is for (shown in the identity provider)")
        @NotBlank @Size(max = 200) String name,
        @Schema(example = "Nightly KPI upload from the plant's ERP")
        @Size(max = 1000) String description) {
}
