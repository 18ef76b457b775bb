package org.tic.project.mapping;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.tic.project.domain.CapacityUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "Capacity", description = "Design capacity: value and unit, and of what when the unit does not say")
public record CapacityDto(
        @Schema(example = "4.5") @NotNull @Positive @Digits(integer = 15, fraction = 6) BigDecimal value,
        @Schema(example = "MT_CO2_PER_YEAR") @NotNull CapacityUnit unit,
        @Schema(example = "CO2 storage, initial phase") @Size(max = 200) String basis) {
}
