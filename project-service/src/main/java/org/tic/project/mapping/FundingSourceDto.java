package org.tic.project.mapping;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.project.domain.FundingType;

import java.math.BigDecimal;

@Schema(name = "FundingSource")
public record FundingSourceDto(
        @Schema(example = "GRANT") @NotNull FundingType type,
        @Schema(example = "Government of Spain (NextGenerationEU, Hydrogen Valleys)") @Size(max = 200) String provider,
        @Schema(example = "303000000") @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
        @Schema(example = "EUR") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code, e.g. EUR") String currency,
        @Size(max = 500) String note) {
}
