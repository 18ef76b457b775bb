package org.tic.kpi.domain;

import org.junit.jupiter.api.Test;
import org.tic.commons.rules.FieldViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KpiReportRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void wellFormedValuesOfEachMetricPass() {
        assertEquals(List.of(), KpiReportRules.validate(Drafts.co2e("4.5", KpiUnit.MT_CO2E_PER_YEAR), TODAY));
        assertEquals(List.of(), KpiReportRules.validate(Drafts.jobs("1200", KpiUnit.HEADCOUNT), TODAY));
        assertEquals(List.of(), KpiReportRules.validate(Drafts.jobs("1200.5", KpiUnit.FTE), TODAY));
        assertEquals(List.of(), KpiReportRules.validate(Drafts.gdp("12.5", KpiUnit.CURRENCY_BILLIONS), TODAY));
        assertEquals(List.of(), KpiReportRules.validate(Drafts.other("Green hydrogen output", "40", KpiUnit.KILOTONNES), TODAY));
    }

    @Test
    void noJobsInMegatonnesAndNoCo2eInHeadcount() {
        assertTrue(fields(Drafts.jobs("10", KpiUnit.MT_CO2E_PER_YEAR)).contains("unit"));
        assertTrue(fields(Drafts.co2e("10", KpiUnit.HEADCOUNT)).contains("unit"));
        assertTrue(fields(Drafts.gdp("10", KpiUnit.T_CO2E_PER_YEAR)).contains("unit"));
        assertTrue(fields(Drafts.other("Emissions", "10", KpiUnit.MT_CO2E_PER_YEAR)).contains("unit"),
                "CO2e goes through the CO2E metric, not OTHER");
        String message = KpiReportRules.validate(Drafts.jobs("10", KpiUnit.MT_CO2E_PER_YEAR), TODAY).get(0).message();
        assertTrue(message.contains("HEADCOUNT") && message.contains("FTE") && message.contains("JOB_YEARS"), message);
    }

    @Test
    void co2eMustSayWhatItMeasures() {
        KpiReportDraft d = Drafts.co2e("1", KpiUnit.MT_CO2E_PER_YEAR);
        KpiReportDraft bare = new KpiReportDraft(d.clusterId(), null, Metric.CO2E, null, null, null, null, null, null, null,
                null, null, null, null, null, null, d.value(), d.unit(), d.periodStart(), d.periodEnd(), null,
                d.sourceUrl(), null, d.reportedBy(), d.confidence(), null);
        assertEquals(List.of("co2e.metricType", "co2e.scope", "co2e.gwpSet"), fields(bare));
    }

    @Test
    void fieldsOfAnotherMetricAreRefused() {
        KpiReportDraft d = Drafts.jobs("10", KpiUnit.HEADCOUNT);
        KpiReportDraft withGwp = new KpiReportDraft(d.clusterId(), null, d.metric(), null, null, null, GwpSet.AR6_GWP100,
                2019, null, null, d.jobsKind(), d.jobsEffect(), d.jobsPhase(), "USD", null, null, d.value(), d.unit(),
                d.periodStart(), d.periodEnd(), null, null, d.sourceDocument(), d.reportedBy(), d.confidence(), null);
        assertEquals(List.of("co2e.gwpSet", "co2e.baseYear", "gdp.currency"), fields(withGwp));
    }

    @Test
    void reductionsNeedTheirYears() {
        KpiReportDraft d = Drafts.co2e("1", KpiUnit.MT_CO2E_PER_YEAR);
        KpiReportDraft potentialWithoutTarget = new KpiReportDraft(d.clusterId(), null, d.metric(), null,
                Co2eMetricType.POTENTIAL_REDUCTION, d.co2eScope(), d.gwpSet(), null, null, null, null, null, null, null,
                null, null, d.value(), d.unit(), d.periodStart(), d.periodEnd(), null, d.sourceUrl(), null,
                d.reportedBy(), d.confidence(), null);
        assertEquals(List.of("co2e.targetYear"), fields(potentialWithoutTarget));
        KpiReportDraft achievedWithoutBase = new KpiReportDraft(d.clusterId(), null, d.metric(), null,
                Co2eMetricType.ACHIEVED_REDUCTION, d.co2eScope(), d.gwpSet(), null, null, null, null, null, null, null,
                null, null, d.value(), d.unit(), d.periodStart(), d.periodEnd(), null, d.sourceUrl(), null,
                d.reportedBy(), d.confidence(), null);
        assertEquals(List.of("co2e.baseYear"), fields(achievedWithoutBase));
        KpiReportDraft backwards = new KpiReportDraft(d.clusterId(), null, d.metric(), null, Co2eMetricType.AVOIDED,
                d.co2eScope(), d.gwpSet(), 2030, 2020, null, null, null, null, null, null, null, d.value(), d.unit(),
                d.periodStart(), d.periodEnd(), null, d.sourceUrl(), null, d.reportedBy(), d.confidence(), null);
        assertEquals(List.of("co2e.targetYear"), fields(backwards));
    }

    @Test
    void valuesAreCheckedAgainstTheirUnit() {
        assertEquals(List.of("value"), fields(Drafts.jobs("10.5", KpiUnit.HEADCOUNT)));
        assertEquals(List.of(), fields(Drafts.jobs("10.000", KpiUnit.HEADCOUNT)));
        assertEquals(List.of("value"), fields(Drafts.co2e("-3", KpiUnit.MT_CO2E_PER_YEAR)));
        assertEquals(List.of("value"), fields(Drafts.other("Renewable share", "130", KpiUnit.PERCENT)));
        assertEquals(List.of("value"), fields(Drafts.co2e("1.1234567", KpiUnit.MT_CO2E_PER_YEAR)));
        assertEquals(List.of("value"), fields(Drafts.co2e("1234567890123456", KpiUnit.T_CO2E_PER_YEAR)));
    }

    @Test
    void gdpNeedsARealCurrencyAndPriceYear() {
        KpiReportDraft d = Drafts.gdp("5", KpiUnit.CURRENCY_BILLIONS);
        KpiReportDraft bad = new KpiReportDraft(d.clusterId(), null, d.metric(), null, null, null, null, null, null, null,
                null, null, null, "usd", 1890, d.gdpBasis(), d.value(), d.unit(), d.periodStart(), d.periodEnd(), null,
                d.sourceUrl(), null, d.reportedBy(), d.confidence(), null);
        assertEquals(List.of("gdp.currency", "gdp.priceYear"), fields(bad));
    }

    @Test
    void subjectPeriodAndProvenanceAreRequired() {
        KpiReportDraft d = Drafts.co2e("1", KpiUnit.MT_CO2E_PER_YEAR);
        KpiReportDraft bad = new KpiReportDraft(d.clusterId(), UUID.randomUUID(), d.metric(), null, d.co2eMetricType(),
                d.co2eScope(), d.gwpSet(), d.baseYear(), d.targetYear(), null, null, null, null, null, null, null,
                d.value(), d.unit(), LocalDate.of(2024, 12, 31), LocalDate.of(2024, 1, 1), TODAY.plusDays(1),
                "ftp://nope", null, " ", null, null);
        assertEquals(List.of("projectId", "periodEnd", "reportedOn", "source.url", "reportedBy", "confidence"), fields(bad));
        KpiReportDraft noSource = new KpiReportDraft(null, null, d.metric(), null, d.co2eMetricType(),
                d.co2eScope(), d.gwpSet(), d.baseYear(), d.targetYear(), null, null, null, null, null, null, null,
                d.value(), d.unit(), null, null, null, null, null, "x", Confidence.REPORTED, null);
        assertEquals(List.of("clusterId", "periodStart", "periodEnd", "source"), fields(noSource));
    }

    @Test
    void otherMetricsNeedANameThatCanBeAKey() {
        assertEquals(List.of("metricName"), fields(Drafts.other(" ", "1", KpiUnit.COUNT)));
        assertEquals(List.of("metricName"), fields(Drafts.other("a|b", "1", KpiUnit.COUNT)));
        KpiReportDraft named = new KpiReportDraft(Drafts.CLUSTER, null, Metric.CO2E, "co2", Co2eMetricType.EMITTED,
                Co2eScope.SCOPE_1, GwpSet.AR6_GWP100, null, null, null, null, null, null, null, null, null,
                BigDecimal.ONE, KpiUnit.MT_CO2E_PER_YEAR, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null,
                null, "doc", "x", Confidence.REPORTED, null);
        assertEquals(List.of("metricName"), fields(named));
    }

    private static List<String> fields(KpiReportDraft d) {
        return KpiReportRules.validate(d, TODAY).stream().map(FieldViolation::field).toList();
    }
}
