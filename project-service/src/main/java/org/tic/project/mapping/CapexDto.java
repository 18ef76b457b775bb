package org.tic.project.mapping;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "Capex", description = "Capital expenditure in a currency of a price year")
public record CapexDto(
        @Schema(example = "1000000000") @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @Schema(description = "ISO 4217", example = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code, e.g. EUR") String currency,
        @Schema(example = "2025") @Min(1900) @Max(2100) Integer priceYear) {
}
