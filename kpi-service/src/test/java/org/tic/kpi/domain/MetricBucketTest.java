package org.tic.kpi.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricBucketTest {

    @Test
    void unitsNormaliseExactlyToTheBaseUnit() {
        assertEquals(new BigDecimal("0.0000045"), KpiUnit.T_CO2E_PER_YEAR.toBase(new BigDecimal("4.5")));
        assertEquals(new BigDecimal("0.250"), KpiUnit.KT_CO2E_PER_YEAR.toBase(new BigDecimal("250")));
        assertEquals(0, new BigDecimal("4500").compareTo(KpiUnit.GT_CO2E_PER_YEAR.toBase(new BigDecimal("4.5"))));
        assertEquals("4500", KpiUnit.GT_CO2E_PER_YEAR.toBase(new BigDecimal("4.5")).toPlainString());
        assertEquals(new BigDecimal("0.492"), KpiUnit.CURRENCY_MILLIONS.toBase(new BigDecimal("492")));
        assertEquals(new BigDecimal("1.5"), KpiUnit.CURRENCY.toBase(new BigDecimal("1500000000")).stripTrailingZeros());
        assertEquals(new BigDecimal("1200"), KpiUnit.HEADCOUNT.toBase(new BigDecimal("1200")));
    }

    @Test
    void metricTypesScopesBasesAndJobUnitsAreSeparateBuckets() {
        String potential = Drafts.co2e("1", KpiUnit.MT_CO2E_PER_YEAR).bucket().key();
        assertEquals("CO2E|POTENTIAL_REDUCTION|SCOPE_1_2", potential);
        assertEquals(potential, Drafts.co2e("1", KpiUnit.T_CO2E_PER_YEAR).bucket().key(), "t and Mt add up after normalising");
        assertEquals("JOBS|CREATED|DIRECT|OPERATION|HEADCOUNT", Drafts.jobs("1", KpiUnit.HEADCOUNT).bucket().key());
        assertNotEquals(Drafts.jobs("1", KpiUnit.HEADCOUNT).bucket(), Drafts.jobs("1", KpiUnit.FTE).bucket());
        assertEquals("GDP|TOTAL|USD", Drafts.gdp("1", KpiUnit.CURRENCY_MILLIONS).bucket().key());
        assertEquals("OTHER|green hydrogen output|MASS",
                Drafts.other("  Green   Hydrogen output ", "1", KpiUnit.TONNES).bucket().key());
    }

    @Test
    void keysRoundTrip() {
        for (KpiReportDraft d : new KpiReportDraft[]{Drafts.co2e("1", KpiUnit.MT_CO2E_PER_YEAR),
                Drafts.jobs("1", KpiUnit.JOB_YEARS), Drafts.gdp("1", KpiUnit.CURRENCY), Drafts.other("x y", "1", KpiUnit.GW)}) {
            MetricBucket b = d.bucket();
            assertEquals(b, MetricBucket.parse(b.key()));
        }
    }

    @Test
    void scopeThreeAndSharesAreNotSummed() {
        assertTrue(Drafts.co2e("1", KpiUnit.MT_CO2E_PER_YEAR).bucket().summable());
        MetricBucket scope3 = MetricBucket.parse("CO2E|EMITTED|SCOPE_3");
        assertFalse(scope3.summable());
        assertTrue(scope3.notSummableReason().contains("scope 3"));
        assertFalse(MetricBucket.parse("CO2E|EMITTED|SCOPE_1_2_3").summable());
        assertFalse(Drafts.other("Renewable share", "50", KpiUnit.PERCENT).bucket().summable());
        assertEquals(KpiUnit.MT_CO2E_PER_YEAR, MetricBucket.parse("CO2E|EMITTED|SCOPE_1").baseUnit());
        assertEquals(KpiUnit.CURRENCY_BILLIONS, MetricBucket.parse("GDP|DIRECT|EUR").baseUnit());
    }
}
