package org.tic.membership.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.IsoCountry;
import org.tic.membership.domain.OrganizationKind;

import java.util.List;

@Schema(name = "OrganizationRequest", description = "An organization to create or replace")
public record OrganizationRequest(
        @Schema(example = "Eni UK Ltd") @NotBlank @Size(max = 200) String name,
        @Schema(example = "COMPANY") @NotNull OrganizationKind kind,
        @Schema(description = "ISO 3166-1 alpha-2", example = "GB") @IsoCountry String country,
        @Schema(example = "[\"oil and gas\", \"carbon capture and storage\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 80) String> sectors,
        @Schema(example = "https://www.eni.com") @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website) {
}
