package org.tic.kpi.mapping;

import org.junit.jupiter.api.Test;
import org.tic.commons.rules.FieldViolation;
import org.tic.kpi.domain.KpiUnit;
import org.tic.kpi.domain.Metric;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KpiCsvTest {

    @Test
    void headersNeedTheCoreColumnsAndNoUnknownOrRepeatedOnes() {
        assertEquals(List.of(), KpiCsv.checkHeader(KpiCsv.IMPORT_COLUMNS));
        assertEquals(List.of(), KpiCsv.checkHeader(List.of("projectId", "metric", "value", "unit", "periodStart",
                "periodEnd", "reportedBy", "confidence")));
        List<String> problems = KpiCsv.checkHeader(List.of("cluster", "metric", "metric", "colour"));
        assertTrue(problems.contains("column 'metric' appears twice"), problems.toString());
        assertTrue(problems.contains("unknown column 'colour'"), problems.toString());
        assertTrue(problems.contains("missing column 'value'"), problems.toString());
        assertTrue(KpiCsv.checkHeader(List.of("metric", "value", "unit", "periodStart", "periodEnd", "reportedBy",
                "confidence")).contains("missing column 'cluster' or 'projectId'"));
    }

    @Test
    void rowsParseIntoDraftsAndNameTheColumnsThatDoNotParse() {
        List<String> header = List.of("cluster", "metric", "value", "unit", "periodStart", "periodEnd", "confidence", "jobs.kind");
        KpiCsv.Parsed ok = KpiCsv.parse(header, List.of("humber", "jobs", " 12 ", "headcount", "2024-01-01", "2024-12-31",
                "reported", "created"));
        assertEquals(List.of(), ok.errors());
        assertEquals("humber", ok.clusterRef());
        assertEquals(Metric.JOBS, ok.draft().metric());
        assertEquals(new BigDecimal("12"), ok.draft().value());
        assertEquals(KpiUnit.HEADCOUNT, ok.draft().unit());
        assertEquals(LocalDate.of(2024, 12, 31), ok.draft().periodEnd());

        KpiCsv.Parsed bad = KpiCsv.parse(header, List.of("humber", "CARBON", "4,5", "MT", "31/12/2024", "", "", "x", "extra"));
        assertEquals(List.of("row", "metric", "value", "unit", "periodStart", "jobs.kind"),
                bad.errors().stream().map(FieldViolation::field).toList());
        assertNull(bad.draft().periodEnd(), "empty cells are absent values");
        assertEquals("cluster", KpiCsv.column("clusterId"));
    }
}
