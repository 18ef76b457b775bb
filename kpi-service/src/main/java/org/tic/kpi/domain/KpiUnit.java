package org.tic.kpi.domain;

import java.math.BigDecimal;

/**
 * Units a KPI value may carry. Each belongs to one dimension and is a power of ten of that dimension's base
 * unit, so normalising (e.g. t → Mt) is an exact decimal shift, never a rounding.
 */
public enum KpiUnit {
    T_CO2E_PER_YEAR(UnitDimension.CO2E_RATE, -6, "t CO2e/yr"),
    KT_CO2E_PER_YEAR(UnitDimension.CO2E_RATE, -3, "kt CO2e/yr"),
    MT_CO2E_PER_YEAR(UnitDimension.CO2E_RATE, 0, "Mt CO2e/yr"),
    GT_CO2E_PER_YEAR(UnitDimension.CO2E_RATE, 3, "Gt CO2e/yr"),

    CURRENCY(UnitDimension.MONEY, -9, "currency units"),
    CURRENCY_THOUSANDS(UnitDimension.MONEY, -6, "thousand currency units"),
    CURRENCY_MILLIONS(UnitDimension.MONEY, -3, "million currency units"),
    CURRENCY_BILLIONS(UnitDimension.MONEY, 0, "billion currency units"),

    HEADCOUNT(UnitDimension.HEADCOUNT, 0, "jobs (headcount)"),
    FTE(UnitDimension.FTE, 0, "full-time equivalents"),
    JOB_YEARS(UnitDimension.JOB_YEARS, 0, "job-years"),

    COUNT(UnitDimension.COUNT, 0, "count"),
    PERCENT(UnitDimension.PERCENT, 0, "%"),
    MWH(UnitDimension.ENERGY, -3, "MWh"),
    GWH(UnitDimension.ENERGY, 0, "GWh"),
    TWH(UnitDimension.ENERGY, 3, "TWh"),
    KW(UnitDimension.POWER, -3, "kW"),
    MW(UnitDimension.POWER, 0, "MW"),
    GW(UnitDimension.POWER, 3, "GW"),
    TONNES(UnitDimension.MASS, -3, "t"),
    KILOTONNES(UnitDimension.MASS, 0, "kt"),
    MEGATONNES(UnitDimension.MASS, 3, "Mt"),
    HECTARES(UnitDimension.AREA, 0, "ha");

    private final UnitDimension dimension;
    private final int powerOfTenToBase;
    private final String symbol;

    KpiUnit(UnitDimension dimension, int powerOfTenToBase, String symbol) {
        this.dimension = dimension;
        this.powerOfTenToBase = powerOfTenToBase;
        this.symbol = symbol;
    }

    public UnitDimension dimension() {
        return dimension;
    }

    public String symbol() {
        return symbol;
    }

    /** The value expressed in this dimension's base unit (exact). */
    public BigDecimal toBase(BigDecimal value) {
        BigDecimal shifted = value.scaleByPowerOfTen(powerOfTenToBase);
        return shifted.scale() < 0 ? shifted.setScale(0) : shifted; // 4.5 Gt → 4500, not 4.5E+3
    }
}
