package org.tic.membership.domain;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The cluster's collective CO2e reduction or avoidance potential, as declared. */
public record Co2ePotential(Kind kind,
                            @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 6) BigDecimal value,
                            Unit unit,
                            @Size(max = 100) String period,
                            @Size(max = 2000) String method,
                            @Min(1900) @Max(2100) Integer baseYear,
                            @Min(1900) @Max(2100) Integer targetYear) {

    public enum Kind { REDUCTION, AVOIDANCE }

    public enum Unit { T_CO2E, KT_CO2E, MT_CO2E }
}
