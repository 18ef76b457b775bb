package org.tic.project.domain;

import org.junit.jupiter.api.Test;
import org.tic.commons.rules.RuleViolation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadinessTest {

    @Test
    void nothingRecordedIsNotStarted() {
        Readiness.Summary s = Readiness.summarise(Map.of());
        assertEquals(Readiness.Level.NOT_STARTED, s.level());
        assertFalse(s.complete());
        assertEquals(7, s.itemsTotal());
        assertEquals(0, s.percent());
        assertEquals(List.of(ReadinessItemKey.values()), s.missing());
    }

    @Test
    void completeWhenEveryItemIsCompleteOrNotApplicable() {
        Map<ReadinessItemKey, ReadinessStatus> m = new EnumMap<>(ReadinessItemKey.class);
        for (ReadinessItemKey k : ReadinessItemKey.values()) {
            m.put(k, ReadinessStatus.COMPLETE);
        }
        m.put(ReadinessItemKey.OFFTAKE_AGREEMENTS, ReadinessStatus.NOT_APPLICABLE);
        Readiness.Summary s = Readiness.summarise(m);
        assertTrue(s.complete());
        assertEquals(Readiness.Level.READY, s.level());
        assertEquals(6, s.itemsComplete());
        assertEquals(1, s.itemsNotApplicable());
        assertEquals(100, s.percent());
        assertTrue(s.missing().isEmpty());
    }

    @Test
    void inProgressItemsAreStillMissing() {
        Map<ReadinessItemKey, ReadinessStatus> m = new EnumMap<>(ReadinessItemKey.class);
        m.put(ReadinessItemKey.BUSINESS_MODEL, ReadinessStatus.COMPLETE);
        m.put(ReadinessItemKey.FINANCIAL_MODEL, ReadinessStatus.IN_PROGRESS);
        Readiness.Summary s = Readiness.summarise(m);
        assertEquals(Readiness.Level.IN_PROGRESS, s.level());
        assertEquals(14, s.percent()); // 1 of 7
        assertEquals(1, s.itemsInProgress());
        assertTrue(s.missing().contains(ReadinessItemKey.FINANCIAL_MODEL));
        assertFalse(s.missing().contains(ReadinessItemKey.BUSINESS_MODEL));
    }

    @Test
    void completeNeedsEvidenceAndNotApplicableAJustification() {
        assertEquals("readiness-evidence-required", assertThrows(RuleViolation.class, () ->
                Readiness.checkItem(ReadinessItemKey.EPC_TERMS, ReadinessStatus.COMPLETE, List.of(), null)).code());
        assertEquals("readiness-justification-required", assertThrows(RuleViolation.class, () ->
                Readiness.checkItem(ReadinessItemKey.OFFTAKE_AGREEMENTS, ReadinessStatus.NOT_APPLICABLE, List.of(), " ")).code());
        assertDoesNotThrow(() -> Readiness.checkItem(ReadinessItemKey.EPC_TERMS, ReadinessStatus.COMPLETE,
                List.of(new Evidence("EPC contract signed", null)), null));
        assertDoesNotThrow(() -> Readiness.checkItem(ReadinessItemKey.FEED_COMPLETE, ReadinessStatus.IN_PROGRESS, null, null));
    }
}
