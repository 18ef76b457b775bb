package org.tic.project.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tic.commons.rules.RuleViolation;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.project.domain.Stage.BANKABLE;
import static org.tic.project.domain.Stage.CANCELLED;
import static org.tic.project.domain.Stage.CONCEPT;
import static org.tic.project.domain.Stage.DECOMMISSIONED;
import static org.tic.project.domain.Stage.FEASIBILITY;
import static org.tic.project.domain.Stage.FEED;
import static org.tic.project.domain.Stage.FID;
import static org.tic.project.domain.Stage.ON_HOLD;
import static org.tic.project.domain.Stage.OPERATIONAL;
import static org.tic.project.domain.Stage.UNDER_CONSTRUCTION;

/** The stage rules at their edges, without a container. */
class StageRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final LocalDate LAST = LocalDate.of(2025, 1, 10);

    private static StageRules.Move move(Stage from, Stage to) {
        return move(new StageRules.Current(from, null, LAST), to, null);
    }

    private static StageRules.Move move(StageRules.Current current, Stage to, String skipReason) {
        return StageRules.check(current, new StageRules.Request(to, TODAY, "note", skipReason, false, null, true), TODAY);
    }

    private static String refused(Stage from, Stage heldStage, StageRules.Request request) {
        return assertThrows(RuleViolation.class,
                () -> StageRules.check(new StageRules.Current(from, heldStage, LAST), request, TODAY)).code();
    }

    private static StageRules.Request to(Stage to) {
        return new StageRules.Request(to, TODAY, "note", null, false, null, true);
    }

    @Nested
    class MainLine {

        @Test
        void movesForwardOneStageAtATime() {
            List<Stage> line = List.of(CONCEPT, FEASIBILITY, FEED, BANKABLE, FID, UNDER_CONSTRUCTION, OPERATIONAL);
            for (int i = 0; i + 1 < line.size(); i++) {
                StageRules.Move m = move(line.get(i), line.get(i + 1));
                assertEquals(line.get(i), m.from());
                assertEquals(line.get(i + 1), m.to());
                assertTrue(m.skipped().isEmpty());
                assertNull(m.heldStage());
            }
        }

        @Test
        void neverMovesBackwards() {
            assertEquals("stage-backwards", refused(FEED, null, to(FEASIBILITY)));
            assertEquals("stage-backwards", refused(OPERATIONAL, null, to(CONCEPT)));
        }

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"CONCEPT", "FEED", "FID", "OPERATIONAL"})
        void refusesAMoveToTheSameStage(Stage stage) {
            assertEquals("stage-unchanged", refused(stage, null, to(stage)));
        }

        @Test
        void skippingStagesNeedsAReason() {
            assertEquals("stage-skip-requires-reason", refused(CONCEPT, null, to(FEED)));
            StageRules.Move m = move(new StageRules.Current(CONCEPT, null, LAST), FEED, "Feasibility done before the cluster joined");
            assertEquals(List.of(FEASIBILITY), m.skipped());
        }

        @Test
        void fidBeforeBankableOnlyAsARecordedSkip() {
            RuleViolation v = assertThrows(RuleViolation.class, () -> StageRules.check(
                    new StageRules.Current(FEED, null, LAST), to(FID), TODAY));
            assertEquals("stage-skip-requires-reason", v.code());
            assertTrue(v.getMessage().contains("before BANKABLE"), v.getMessage());
            assertEquals(List.of("BANKABLE", "FID", "UNDER_CONSTRUCTION", "OPERATIONAL", "ON_HOLD", "CANCELLED"), v.extensions().get("allowed"));

            StageRules.Move m = move(new StageRules.Current(FEED, null, LAST), FID, "Regulated model: lenders engaged through the government process");
            assertEquals(List.of(BANKABLE), m.skipped());
            assertFalse(m.readinessOverride(), "skipping BANKABLE is not a readiness override");
        }

        @Test
        void skippingOverBankableIgnoresTheChecklistButLandingOnItDoesNot() {
            var incomplete = new StageRules.Request(FID, TODAY, null, "skip", false, null, false);
            assertEquals(List.of(BANKABLE), StageRules.check(new StageRules.Current(FEED, null, LAST), incomplete, TODAY).skipped());
            var landOnBankable = new StageRules.Request(BANKABLE, TODAY, null, "skip", false, null, false);
            assertEquals("readiness-incomplete", refused(CONCEPT, null, landOnBankable));
        }

        @Test
        void aSkipReasonOnAMoveThatSkipsNothingIsRefused() {
            var r = new StageRules.Request(FEASIBILITY, TODAY, null, "nothing to skip", false, null, true);
            assertEquals("nothing-skipped", refused(CONCEPT, null, r));
        }
    }

    @Nested
    class Bankable {

        @Test
        void needsTheChecklistComplete() {
            var incomplete = new StageRules.Request(BANKABLE, TODAY, null, null, false, null, false);
            RuleViolation v = assertThrows(RuleViolation.class,
                    () -> StageRules.check(new StageRules.Current(FEED, null, LAST), incomplete, TODAY));
            assertEquals("readiness-incomplete", v.code());
            assertEquals("FEED", v.extensions().get("from"));
            assertEquals("BANKABLE", v.extensions().get("to"));

            var complete = new StageRules.Request(BANKABLE, TODAY, null, null, false, null, true);
            assertFalse(StageRules.check(new StageRules.Current(FEED, null, LAST), complete, TODAY).readinessOverride());
        }

        @Test
        void orAnOverrideWithAReason() {
            var noReason = new StageRules.Request(BANKABLE, TODAY, null, null, true, " ", false);
            assertEquals("override-reason-required", refused(FEED, null, noReason));
            var withReason = new StageRules.Request(BANKABLE, TODAY, null, null, true, "Lenders' term sheet signed", false);
            assertTrue(StageRules.check(new StageRules.Current(FEED, null, LAST), withReason, TODAY).readinessOverride());
        }

        @Test
        void anOverrideOnlyAppliesToBankable() {
            var r = new StageRules.Request(FEASIBILITY, TODAY, null, null, true, "why", true);
            assertEquals("override-not-applicable", refused(CONCEPT, null, r));
        }

        @Test
        void resumingToBankableIsNotGatedAgain() {
            var r = new StageRules.Request(BANKABLE, TODAY, null, null, false, null, false);
            assertEquals(BANKABLE, StageRules.check(new StageRules.Current(ON_HOLD, BANKABLE, LAST), r, TODAY).to());
        }
    }

    @Nested
    class OnHold {

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"CONCEPT", "FEASIBILITY", "FEED", "BANKABLE", "FID", "UNDER_CONSTRUCTION", "OPERATIONAL"})
        void anyMainLineStageCanBePutOnHoldAndResumesToIt(Stage stage) {
            StageRules.Move hold = move(stage, ON_HOLD);
            assertEquals(stage, hold.heldStage());
            StageRules.Move resume = move(new StageRules.Current(ON_HOLD, stage, LAST), stage, null);
            assertEquals(stage, resume.to());
            assertNull(resume.heldStage());
        }

        @Test
        void resumesOnlyToTheStageItWasIn() {
            RuleViolation v = assertThrows(RuleViolation.class,
                    () -> StageRules.check(new StageRules.Current(ON_HOLD, FEED, LAST), to(BANKABLE), TODAY));
            assertEquals("resume-to-held-stage", v.code());
            assertEquals(List.of("FEED", "CANCELLED"), v.extensions().get("allowed"));
            assertEquals("resume-to-held-stage", refused(ON_HOLD, FEED, to(FEASIBILITY)));
        }

        @Test
        void canBeCancelledButNotPutOnHoldAgain() {
            assertEquals(CANCELLED, move(new StageRules.Current(ON_HOLD, FEED, LAST), CANCELLED, null).to());
            assertEquals("stage-unchanged", refused(ON_HOLD, FEED, to(ON_HOLD)));
        }

        @Test
        void aMothballedPlantIsResumedBeforeItIsDecommissioned() {
            assertEquals("decommission-only-from-operational", refused(ON_HOLD, OPERATIONAL, to(DECOMMISSIONED)));
            assertEquals("operational-not-cancellable", refused(ON_HOLD, OPERATIONAL, to(CANCELLED)));
        }
    }

    @Nested
    class FinalStages {

        @ParameterizedTest
        @EnumSource(Stage.class)
        void nothingLeavesCancelled(Stage target) {
            assertEquals("stage-final", refused(CANCELLED, null, to(target)));
        }

        @ParameterizedTest
        @EnumSource(Stage.class)
        void nothingLeavesDecommissioned(Stage target) {
            assertEquals("stage-final", refused(DECOMMISSIONED, null, to(target)));
        }

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"CONCEPT", "FEASIBILITY", "FEED", "BANKABLE", "FID", "UNDER_CONSTRUCTION"})
        void cancellingNeedsAReason(Stage stage) {
            var noReason = new StageRules.Request(CANCELLED, TODAY, "  ", null, false, null, true);
            assertEquals("cancel-reason-required", refused(stage, null, noReason));
            assertEquals(CANCELLED, move(stage, CANCELLED).to());
        }

        @Test
        void anOperatingProjectIsDecommissionedNotCancelled() {
            assertEquals("operational-not-cancellable", refused(OPERATIONAL, null, to(CANCELLED)));
            assertEquals(DECOMMISSIONED, move(OPERATIONAL, DECOMMISSIONED).to());
        }

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"CONCEPT", "FEASIBILITY", "FEED", "BANKABLE", "FID", "UNDER_CONSTRUCTION"})
        void decommissionedOnlyFromOperational(Stage stage) {
            assertEquals("decommission-only-from-operational", refused(stage, null, to(DECOMMISSIONED)));
        }
    }

    @Nested
    class Dates {

        @Test
        void mayEqualThePreviousMoveButNotPrecedeIt() {
            var sameDay = new StageRules.Request(FEASIBILITY, LAST, null, null, false, null, true);
            assertEquals(FEASIBILITY, StageRules.check(new StageRules.Current(CONCEPT, null, LAST), sameDay, TODAY).to());
            var dayBefore = new StageRules.Request(FEASIBILITY, LAST.minusDays(1), null, null, false, null, true);
            assertEquals("transition-date-before-previous", refused(CONCEPT, null, dayBefore));
        }

        @Test
        void mayBeTodayButNotInTheFuture() {
            assertEquals(FEASIBILITY, StageRules.check(new StageRules.Current(CONCEPT, null, LAST), to(FEASIBILITY), TODAY).to());
            var tomorrow = new StageRules.Request(FEASIBILITY, TODAY.plusDays(1), null, null, false, null, true);
            assertEquals("transition-date-in-future", refused(CONCEPT, null, tomorrow));
        }

        @Test
        void anUndatedRegistrationDoesNotConstrainTheFirstMove() {
            var early = new StageRules.Request(FEASIBILITY, LocalDate.of(1990, 1, 1), null, null, false, null, true);
            assertEquals(FEASIBILITY, StageRules.check(new StageRules.Current(CONCEPT, null, null), early, TODAY).to());
        }
    }

    @Nested
    class Registration {

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"CONCEPT", "FEASIBILITY", "FEED", "BANKABLE", "FID", "UNDER_CONSTRUCTION", "OPERATIONAL"})
        void atAnyMainLineStage(Stage stage) {
            StageRules.checkInitial(stage, LAST, TODAY);
            StageRules.checkInitial(stage, null, TODAY);
        }

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"ON_HOLD", "CANCELLED", "DECOMMISSIONED"})
        void notOffTheMainLine(Stage stage) {
            assertEquals("invalid-initial-stage",
                    assertThrows(RuleViolation.class, () -> StageRules.checkInitial(stage, LAST, TODAY)).code());
        }

        @Test
        void notDatedInTheFuture() {
            assertEquals("transition-date-in-future",
                    assertThrows(RuleViolation.class, () -> StageRules.checkInitial(FID, TODAY.plusDays(1), TODAY)).code());
        }
    }

    @Test
    void nextStagesListsWhatIsReachable() {
        assertEquals(List.of(FEASIBILITY, FEED, BANKABLE, FID, UNDER_CONSTRUCTION, OPERATIONAL, ON_HOLD, CANCELLED),
                StageRules.nextStages(CONCEPT, null));
        assertEquals(List.of(ON_HOLD, DECOMMISSIONED), StageRules.nextStages(OPERATIONAL, null));
        assertEquals(List.of(FID, CANCELLED), StageRules.nextStages(ON_HOLD, FID));
        assertEquals(List.of(OPERATIONAL), StageRules.nextStages(ON_HOLD, OPERATIONAL));
        assertTrue(StageRules.nextStages(CANCELLED, null).isEmpty());
        assertTrue(StageRules.nextStages(DECOMMISSIONED, null).isEmpty());
    }

    @Test
    void everyStageHasItsTermsInTheTrackersVocabularies() {
        for (Stage s : Stage.values()) {
            StageVocabulary.Terms t = StageVocabulary.of(s);
            assertTrue(t != null && t.label() != null && t.gem() != null, s + " has terms");
        }
        assertEquals("FID", StageVocabulary.of(FID).gccsi());
        assertEquals("Operating", StageVocabulary.of(OPERATIONAL).gem());
        assertEquals("Mothballed", StageVocabulary.gem(ON_HOLD, OPERATIONAL));
        assertEquals("Shelved", StageVocabulary.gem(ON_HOLD, FEED));
        assertEquals("FID / secured funding", StageVocabulary.of(UNDER_CONSTRUCTION).mpp());
    }
}
