package org.tic.project.domain;

import org.tic.commons.rules.RuleViolation;

import java.time.LocalDate;
import java.util.Map;

/** The date rules of a milestone, free of the framework: the caller passes "today". */
public final class MilestoneDates {

    private MilestoneDates() {
    }

    /**
     * Actual dates are facts: not in the future. An actual FID date needs the project at FID or later (record the
     * decision through a stage transition), so fidDate never contradicts the stage.
     */
    public static void check(MilestoneType type, LocalDate actual, Stage stage, Stage heldStage, LocalDate today, String field) {
        if (actual == null) {
            return;
        }
        if (actual.isAfter(today)) {
            throw RuleViolation.unprocessable("milestone-actual-in-future", "Actual date in the future",
                    field + " " + actual + " is in the future; record it as plannedDate", Map.of("field", field));
        }
        Stage effective = stage == Stage.ON_HOLD ? heldStage : stage;
        if (type == MilestoneType.FID && effective != null && effective.isMainLine() && !effective.atOrAfter(Stage.FID)) {
            throw RuleViolation.unprocessable("fid-before-stage", "FID not reached",
                    "The project is " + stage + "; move it to FID through a stage transition, which records the FID date",
                    Map.of("field", field, "stage", stage.name()));
        }
    }
}
