package org.tic.kpi.domain;

/**
 * What a unit measures. Values are only ever converted within one dimension, to its base unit (the unit totals
 * are shown in); headcount, FTE and job-years are separate dimensions because none converts into another.
 */
public enum UnitDimension {
    CO2E_RATE("MT_CO2E_PER_YEAR", true),
    MONEY("CURRENCY_BILLIONS", true),
    HEADCOUNT("HEADCOUNT", true),
    FTE("FTE", true),
    JOB_YEARS("JOB_YEARS", true),
    COUNT("COUNT", true),
    /** A share is not additive across clusters. */
    PERCENT("PERCENT", false),
    ENERGY("GWH", true),
    POWER("MW", true),
    MASS("KILOTONNES", true),
    AREA("HECTARES", true);

    private final String baseUnit;
    private final boolean additive;

    UnitDimension(String baseUnit, boolean additive) {
        this.baseUnit = baseUnit;
        this.additive = additive;
    }

    public KpiUnit baseUnit() {
        return KpiUnit.valueOf(baseUnit);
    }

    public boolean additive() {
        return additive;
    }
}
