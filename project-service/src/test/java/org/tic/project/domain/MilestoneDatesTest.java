package org.tic.project.domain;

import org.junit.jupiter.api.Test;
import org.tic.commons.rules.RuleViolation;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MilestoneDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void noActualDateIsNeverRefused() {
        assertDoesNotThrow(() -> MilestoneDates.check(MilestoneType.FID, null, Stage.CONCEPT, null, TODAY, "actualDate"));
    }

    @Test
    void anActualDateMayBeTodayButNotInTheFuture() {
        assertDoesNotThrow(() -> MilestoneDates.check(MilestoneType.FID, TODAY, Stage.FID, null, TODAY, "actualDate"));
        RuleViolation v = assertThrows(RuleViolation.class, () ->
                MilestoneDates.check(MilestoneType.FID, TODAY.plusDays(1), Stage.FID, null, TODAY, "milestones[1]"));
        assertEquals(RuleViolation.Kind.UNPROCESSABLE, v.kind());
        assertEquals("milestone-actual-in-future", v.code());
        assertEquals("milestones[1] 2026-03-11 is in the future; record it as plannedDate", v.detail());
        assertEquals(Map.of("field", "milestones[1]"), v.extensions());
    }

    @Test
    void anActualFidDateNeedsTheProjectAtFidOrLater() {
        RuleViolation v = assertThrows(RuleViolation.class, () ->
                MilestoneDates.check(MilestoneType.FID, TODAY, Stage.BANKABLE, null, TODAY, "actualDate"));
        assertEquals("fid-before-stage", v.code());
        assertEquals(Map.of("field", "actualDate", "stage", "BANKABLE"), v.extensions());
        assertDoesNotThrow(() -> MilestoneDates.check(MilestoneType.FID, TODAY, Stage.OPERATIONAL, null, TODAY, "actualDate"));
        assertDoesNotThrow(() -> MilestoneDates.check(MilestoneType.ANNOUNCEMENT, TODAY, Stage.CONCEPT, null, TODAY, "actualDate"));
    }

    @Test
    void onHoldTheHeldStageCounts() {
        RuleViolation v = assertThrows(RuleViolation.class, () ->
                MilestoneDates.check(MilestoneType.FID, TODAY, Stage.ON_HOLD, Stage.FEED, TODAY, "actualDate"));
        assertEquals(Map.of("field", "actualDate", "stage", "ON_HOLD"), v.extensions());
        assertDoesNotThrow(() -> MilestoneDates.check(MilestoneType.FID, TODAY, Stage.ON_HOLD, Stage.FID, TODAY, "actualDate"));
    }
}
