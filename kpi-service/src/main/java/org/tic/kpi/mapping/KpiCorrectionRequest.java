package org.tic.kpi.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiCorrectionRequest", description = "The corrected value (complete, it replaces the whole report) and why")
public record KpiCorrectionRequest(
        @Schema(example = "Double-counted a site; corrected in the 2024 report's erratum") @NotBlank @Size(max = 1000) String reason,
        @NotNull @Valid KpiReportRequest report) {
}
