package org.tic.kpi.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueSelectorTest {

    record V(SubjectType subjectType, UUID subjectId, String bucketKey, UUID reportId, LocalDate reportedOn,
             LocalDate validTo, LocalDate periodEnd, Instant recordedAt, String label) implements ValueSelector.Candidate {
    }

    private static final UUID C = UUID.randomUUID();
    private static final String K = "CO2E|POTENTIAL_REDUCTION|SCOPE_1_2";

    private static V v(String label, String reportedOn, String validTo, String periodEnd) {
        return new V(SubjectType.CLUSTER, C, K, UUID.randomUUID(), LocalDate.parse(reportedOn),
                validTo == null ? null : LocalDate.parse(validTo), LocalDate.parse(periodEnd), Instant.parse(reportedOn + "T12:00:00Z"), label);
    }

    @Test
    void aCorrectionReplacesTheOriginalFromItsReportedDateOn() {
        V original = v("original", "2024-03-01", "2024-06-01", "2023-12-31");
        V correction = v("correction", "2024-06-01", null, "2023-12-31");
        List<V> all = List.of(original, correction);
        assertTrue(ValueSelector.selectOn(all, LocalDate.parse("2024-02-28")).isEmpty());
        assertEquals("original", only(ValueSelector.selectOn(all, LocalDate.parse("2024-05-31"))));
        assertEquals("correction", only(ValueSelector.selectOn(all, LocalDate.parse("2024-06-01"))));
    }

    @Test
    void theLatestPeriodWinsThenTheLatestReport() {
        V y2023 = v("2023", "2024-03-01", null, "2023-12-31");
        V y2024 = v("2024", "2025-03-01", null, "2024-12-31");
        V y2023late = v("2023 late", "2025-06-01", null, "2023-12-31");
        assertEquals("2024", only(ValueSelector.selectOn(List.of(y2023, y2024, y2023late), LocalDate.parse("2025-12-31"))));
        assertEquals("2023 late", ValueSelector.best(List.of(y2023, y2023late)).orElseThrow().label());
    }

    @Test
    void subjectsAndBucketsAreSelectedIndependently() {
        V a = v("a", "2024-03-01", null, "2023-12-31");
        V b = new V(SubjectType.CLUSTER, C, "JOBS|CREATED|DIRECT|OPERATION|HEADCOUNT", UUID.randomUUID(),
                LocalDate.parse("2024-03-01"), null, LocalDate.parse("2023-12-31"), Instant.now(), "b");
        V c = new V(SubjectType.PROJECT, C, K, UUID.randomUUID(), LocalDate.parse("2024-03-01"), null,
                LocalDate.parse("2023-12-31"), Instant.now(), "c");
        assertEquals(3, ValueSelector.selectOn(List.of(a, b, c), LocalDate.parse("2024-03-01")).size());
    }

    private static String only(List<V> vs) {
        assertEquals(1, vs.size(), vs.toString());
        return vs.get(0).label();
    }
}
