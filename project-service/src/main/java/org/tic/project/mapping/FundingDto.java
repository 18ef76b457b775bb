package org.tic.project.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "Funding", description = "Funding secured so far and its sources (grant, equity, debt, regulated asset base, ...)")
public record FundingDto(
        @Schema(example = "303000000") @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal securedAmount,
        @Schema(example = "EUR") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code, e.g. EUR") String currency,
        @Size(max = 20) List<@NotNull @Valid FundingSourceDto> sources) {
}
