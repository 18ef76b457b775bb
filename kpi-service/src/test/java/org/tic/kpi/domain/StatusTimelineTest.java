package org.tic.kpi.domain;

import org.junit.jupiter.api.Test;
import org.tic.kpi.domain.StatusTimeline.Fact;
import org.tic.kpi.domain.StatusTimeline.Origin;
import org.tic.kpi.domain.StatusTimeline.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.kpi.domain.ClusterStatuses.APPLICANT;
import static org.tic.kpi.domain.ClusterStatuses.MERGED;
import static org.tic.kpi.domain.ClusterStatuses.SIGNATORY;
import static org.tic.kpi.domain.ClusterStatuses.SUSPENDED;
import static org.tic.kpi.domain.ClusterStatuses.WITHDRAWN;

class StatusTimelineTest {

    private static final LocalDate REGISTERED = LocalDate.of(2026, 3, 1);

    @Test
    void joinedYearCountsFromFirstJanuaryAndIsApproximate() {
        List<Period> periods = StatusTimeline.build(List.of(
                new Fact(1, APPLICANT, null, null, null, REGISTERED),
                new Fact(2, SIGNATORY, null, null, 2021, REGISTERED)));
        // approval today with a 2021 joining year: a signatory since 2021, the applicant stretch is superseded
        assertEquals(List.of(new Period(SIGNATORY, LocalDate.of(2021, 1, 1), null, Origin.JOINED_YEAR)), periods);
        assertTrue(periods.get(0).approximate());
        assertNull(StatusTimeline.statusOn(periods, LocalDate.of(2020, 12, 31)));
        assertEquals(SIGNATORY, StatusTimeline.statusOn(periods, LocalDate.of(2021, 1, 1)));
    }

    @Test
    void anExactJoinedDateWinsOverTheYear() {
        List<Period> periods = StatusTimeline.build(List.of(
                new Fact(1, APPLICANT, null, null, null, LocalDate.of(2021, 9, 1)),
                new Fact(2, SIGNATORY, null, LocalDate.of(2021, 11, 3), 2021, LocalDate.of(2021, 11, 3))));
        assertEquals(List.of(
                new Period(APPLICANT, LocalDate.of(2021, 9, 1), LocalDate.of(2021, 11, 3), Origin.OBSERVED),
                new Period(SIGNATORY, LocalDate.of(2021, 11, 3), null, Origin.JOINED_DATE)), periods);
    }

    @Test
    void suspensionReinstatementAndWithdrawalUseTheirEffectiveDates() {
        List<Period> periods = StatusTimeline.build(List.of(
                new Fact(2, SIGNATORY, null, LocalDate.of(2022, 5, 24), 2022, LocalDate.of(2022, 5, 24)),
                new Fact(3, SUSPENDED, LocalDate.of(2023, 3, 1), LocalDate.of(2022, 5, 24), 2022, LocalDate.of(2023, 3, 5)),
                new Fact(4, SIGNATORY, LocalDate.of(2023, 9, 1), LocalDate.of(2022, 5, 24), 2022, LocalDate.of(2023, 9, 2)),
                new Fact(5, SIGNATORY, null, LocalDate.of(2022, 5, 24), 2022, LocalDate.of(2024, 1, 1)), // a rename
                new Fact(6, WITHDRAWN, LocalDate.of(2025, 6, 30), LocalDate.of(2022, 5, 24), 2022, LocalDate.of(2025, 6, 1))));
        assertEquals(List.of(
                new Period(SIGNATORY, LocalDate.of(2022, 5, 24), LocalDate.of(2023, 3, 1), Origin.JOINED_DATE),
                new Period(SUSPENDED, LocalDate.of(2023, 3, 1), LocalDate.of(2023, 9, 1), Origin.EXPLICIT),
                new Period(SIGNATORY, LocalDate.of(2023, 9, 1), LocalDate.of(2025, 6, 30), Origin.EXPLICIT),
                new Period(WITHDRAWN, LocalDate.of(2025, 6, 30), null, Origin.EXPLICIT)), periods);
        assertEquals(SUSPENDED, StatusTimeline.statusOn(periods, LocalDate.of(2023, 8, 31)));
        assertEquals(SIGNATORY, StatusTimeline.statusOn(periods, LocalDate.of(2025, 6, 29)));
        assertEquals(WITHDRAWN, StatusTimeline.statusOn(periods, LocalDate.of(2025, 6, 30)));
    }

    @Test
    void theHistoryDoesNotDependOnArrivalOrder() {
        List<Fact> facts = new ArrayList<>(List.of(
                new Fact(1, APPLICANT, null, null, null, LocalDate.of(2024, 1, 10)),
                new Fact(2, SIGNATORY, null, LocalDate.of(2024, 2, 1), null, LocalDate.of(2024, 2, 1)),
                new Fact(3, SUSPENDED, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 2, 1), null, LocalDate.of(2024, 6, 1)),
                new Fact(4, MERGED, LocalDate.of(2025, 1, 1), LocalDate.of(2024, 2, 1), null, LocalDate.of(2025, 1, 2))));
        List<Period> expected = StatusTimeline.build(facts);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(facts, new java.util.Random(i));
            assertEquals(expected, StatusTimeline.build(facts));
        }
        assertEquals(4, expected.size());
        assertEquals(MERGED, StatusTimeline.statusOn(expected, LocalDate.of(2025, 1, 1)));
    }

    @Test
    void aCorrectedJoiningYearMovesTheStartOfTheSignatoryStretch() {
        List<Period> periods = StatusTimeline.build(List.of(
                new Fact(1, SIGNATORY, null, null, 2023, REGISTERED),
                new Fact(2, SIGNATORY, null, null, 2022, REGISTERED)));
        assertEquals(List.of(new Period(SIGNATORY, LocalDate.of(2022, 1, 1), null, Origin.JOINED_YEAR)), periods);
    }

    @Test
    void aSignatoryWithoutAnyJoiningInformationCountsFromWhenTheEventHappened() {
        List<Period> periods = StatusTimeline.build(List.of(
                new Fact(1, SIGNATORY, null, null, null, REGISTERED),
                new Fact(2, SIGNATORY, null, null, null, REGISTERED.plusDays(10))));
        assertEquals(List.of(new Period(SIGNATORY, REGISTERED, null, Origin.OBSERVED)), periods);
    }

    @Test
    void aMergeEndsThePredecessorOnItsEffectiveDate() {
        List<Period> periods = StatusTimeline.build(List.of(
                new Fact(3, SIGNATORY, null, null, 2025, REGISTERED),
                new Fact(4, MERGED, LocalDate.of(2025, 10, 1), null, 2025, REGISTERED)));
        assertEquals(List.of(
                new Period(SIGNATORY, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 10, 1), Origin.JOINED_YEAR),
                new Period(MERGED, LocalDate.of(2025, 10, 1), null, Origin.EXPLICIT)), periods);
    }

    /**
     * The consumer's path: each new fact applied with {@link StatusTimeline#next} to the stored tail from
     * {@link StatusTimeline#tailStart} only, spliced back — compared after every fact with the full rebuild from
     * all facts, on generated histories (explicit dates in the past, joining corrections, repeated statuses).
     */
    @Test
    void theIncrementalTailStepGivesTheSameHistoryAsTheFullRebuild() {
        String[] statuses = {APPLICANT, SIGNATORY, SIGNATORY, SUSPENDED, WITHDRAWN, MERGED};
        java.util.Random random = new java.util.Random(42);
        int changedSomethingEarly = 0;
        for (int history = 0; history < 3_000; history++) {
            List<Fact> facts = new ArrayList<>();
            List<Period> stored = List.of();
            LocalDate observed = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(400));
            int n = 1 + random.nextInt(25);
            for (int v = 1; v <= n; v++) {
                observed = observed.plusDays(random.nextInt(60));
                String status = statuses[random.nextInt(statuses.length)];
                LocalDate explicit = random.nextInt(3) == 0 ? observed.minusDays(random.nextInt(900)) : null;
                LocalDate joinedDate = random.nextInt(4) == 0 ? observed.minusDays(random.nextInt(900)) : null;
                Integer joinedYear = random.nextInt(3) == 0 ? 2018 + random.nextInt(8) : null;
                Fact f = new Fact(v, status, explicit, joinedDate, joinedYear, observed);
                facts.add(f);

                int from = StatusTimeline.tailStart(stored, f);
                List<Period> tail = StatusTimeline.next(stored.subList(from, stored.size()), f);
                List<Period> spliced = new ArrayList<>(stored.subList(0, from));
                spliced.addAll(tail);
                if (from < stored.size() - 1) {
                    changedSomethingEarly++;
                }
                List<Period> rebuilt = StatusTimeline.build(facts);
                assertEquals(rebuilt, spliced, () -> "history " + facts);
                stored = spliced;
            }
        }
        assertTrue(changedSomethingEarly > 100, "the generated histories must exercise tails longer than one period");
    }
}
