package org.tic.project.mapping;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.Co2eMetricType;
import org.tic.project.domain.Co2eUnit;

import java.math.BigDecimal;

@Schema(name = "Co2eEstimate", description = "An estimated CO2e figure: value, unit and what it measures")
public record Co2eDto(
        @Schema(example = "0.25") @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 6) BigDecimal value,
        @Schema(example = "MT_CO2E_PER_YEAR") @NotNull Co2eUnit unit,
        @Schema(example = "AVOIDED") @NotNull Co2eMetricType metricType,
        @Schema(description = "How it was estimated", example = "Developer's estimate for phase 1")
        @Size(max = 500) String basis) {
}
