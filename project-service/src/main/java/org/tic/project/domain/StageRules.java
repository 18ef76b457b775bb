package org.tic.project.domain;

import org.tic.commons.rules.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which stage moves are allowed. Plain Java so the rules are unit-tested at their edges without a container.
 * <ul>
 *   <li>On the main line a project moves forward one stage at a time; skipping stages needs an explicit reason
 *       (so FID before BANKABLE is possible only as a recorded skip), and it never moves backwards.</li>
 *   <li>Moving to BANKABLE needs the readiness checklist complete, or an explicit override with a reason.</li>
 *   <li>Any main-line stage can be put ON_HOLD; a project on hold resumes to the stage it was in (or is cancelled).</li>
 *   <li>CANCELLED needs a reason and is final; an operating project is decommissioned instead.</li>
 *   <li>DECOMMISSIONED only follows OPERATIONAL and is final.</li>
 *   <li>A move is dated, not in the future and not before the previous move.</li>
 * </ul>
 */
public final class StageRules {

    public static final String TITLE = "Stage transition not allowed";

    private StageRules() {
    }

    /** Where the project is now. {@code heldStage} is set only while ON_HOLD. */
    public record Current(Stage stage, Stage heldStage, LocalDate lastTransitionDate) {
    }

    /** What the caller asks for; {@code readinessComplete} is the computed checklist summary. */
    public record Request(Stage to, LocalDate date, String note, String skipReason, boolean override,
                          String overrideReason, boolean readinessComplete) {
    }

    /**
     * An allowed move.
     *
     * @param skipped            main-line stages passed over (recorded with the skip reason)
     * @param heldStage          the stage to resume to after this move (set only when moving ON_HOLD)
     * @param readinessOverride  true when BANKABLE was reached by override rather than a complete checklist
     */
    public record Move(Stage from, Stage to, List<Stage> skipped, Stage heldStage, boolean readinessOverride) {
    }

    /** Checks a move; throws {@link RuleViolation} naming the rule that refuses it. */
    public static Move check(Current current, Request request, LocalDate today) {
        Stage from = current.stage();
        Stage to = request.to();
        if (to == null || request.date() == null) {
            throw new IllegalArgumentException("to and date are required");
        }
        if (request.date().isAfter(today)) {
            throw violation("transition-date-in-future", current, to,
                    "The date " + request.date() + " is in the future; record planned dates as milestones");
        }
        if (current.lastTransitionDate() != null && request.date().isBefore(current.lastTransitionDate())) {
            throw violation("transition-date-before-previous", current, to, "The date " + request.date()
                    + " is before the previous stage change (" + current.lastTransitionDate() + ")");
        }
        if (from.isTerminal()) {
            throw violation("stage-final", current, to, "A " + from + " project cannot change stage any more");
        }
        if (to == from) {
            throw violation("stage-unchanged", current, to, "The project is already " + from);
        }
        boolean skipping = to.isMainLine() && from.isMainLine() && to.rank() > from.rank() + 1;
        if (!skipping && hasText(request.skipReason())) {
            throw violation("nothing-skipped", current, to,
                    "skipReason is only for moves that skip stages; " + from + " → " + to + " skips none");
        }
        if (request.override() && to != Stage.BANKABLE) {
            throw violation("override-not-applicable", current, to,
                    "A readiness override only applies to a move to BANKABLE");
        }
        return switch (to) {
            case ON_HOLD -> new Move(from, to, List.of(), from, false);
            case CANCELLED -> cancel(current, request);
            case DECOMMISSIONED -> decommission(current);
            default -> from == Stage.ON_HOLD ? resume(current, to) : forward(current, request);
        };
    }

    /** The stage a project may be registered at (its history starts there). */
    public static void checkInitial(Stage stage, LocalDate date, LocalDate today) {
        if (stage != null && !stage.isMainLine()) {
            throw RuleViolation.unprocessable("invalid-initial-stage", "Invalid initial stage", "A project is registered at "
                    + "a main-line stage (CONCEPT … OPERATIONAL), not " + stage + "; move it there afterwards",
                    Map.of("stage", stage.name()));
        }
        if (date != null && date.isAfter(today)) {
            throw RuleViolation.unprocessable("transition-date-in-future", "Invalid initial stage",
                    "stageDate " + date + " is in the future", Map.of("stageDate", date.toString()));
        }
    }

    /** Stages reachable in one move from here (ignoring dates, reasons and readiness), for clients and errors. */
    public static List<Stage> nextStages(Stage stage, Stage heldStage) {
        List<Stage> next = new ArrayList<>();
        if (stage.isTerminal()) {
            return next;
        }
        if (stage == Stage.ON_HOLD) {
            if (heldStage != null) {
                next.add(heldStage);
            }
            if (heldStage != Stage.OPERATIONAL) {
                next.add(Stage.CANCELLED);
            }
            return next;
        }
        for (Stage s : Stage.values()) {
            if (s.isMainLine() && s.rank() > stage.rank()) {
                next.add(s); // one step freely, further with a skip reason
            }
        }
        next.add(Stage.ON_HOLD);
        if (stage == Stage.OPERATIONAL) {
            next.add(Stage.DECOMMISSIONED);
        } else {
            next.add(Stage.CANCELLED);
        }
        return next;
    }

    private static Move cancel(Current current, Request request) {
        Stage effective = current.stage() == Stage.ON_HOLD ? current.heldStage() : current.stage();
        if (effective == Stage.OPERATIONAL) {
            throw violation("operational-not-cancellable", current, Stage.CANCELLED,
                    "An operating project is not cancelled; it is DECOMMISSIONED");
        }
        if (!hasText(request.note())) {
            throw violation("cancel-reason-required", current, Stage.CANCELLED,
                    "Cancelling needs the reason in note");
        }
        return new Move(current.stage(), Stage.CANCELLED, List.of(), null, false);
    }

    private static Move decommission(Current current) {
        if (current.stage() != Stage.OPERATIONAL) {
            throw violation("decommission-only-from-operational", current, Stage.DECOMMISSIONED,
                    "Only an OPERATIONAL project can be decommissioned"
                            + (current.stage() == Stage.ON_HOLD ? " (resume it first)" : ""));
        }
        return new Move(Stage.OPERATIONAL, Stage.DECOMMISSIONED, List.of(), null, false);
    }

    private static Move resume(Current current, Stage to) {
        if (to != current.heldStage()) {
            throw violation("resume-to-held-stage", current, to,
                    "A project on hold resumes to the stage it was in (" + current.heldStage() + "), not " + to);
        }
        return new Move(Stage.ON_HOLD, to, List.of(), null, false);
    }

    private static Move forward(Current current, Request request) {
        Stage from = current.stage();
        Stage to = request.to();
        if (to.rank() < from.rank()) {
            throw violation("stage-backwards", current, to, "Stages only move forward (" + from + " → " + to
                    + " goes back); put the project ON_HOLD or CANCEL it instead");
        }
        List<Stage> skipped = Stage.between(from, to);
        if (!skipped.isEmpty() && !hasText(request.skipReason())) {
            String detail = skipped.contains(Stage.BANKABLE) && to.atOrAfter(Stage.FID)
                    ? "Reaching " + to + " before BANKABLE must be recorded as a skip of " + skipped + " with a skipReason"
                    : from + " → " + to + " skips " + skipped + "; record it with a skipReason or move one stage at a time";
            throw violation("stage-skip-requires-reason", current, to, detail);
        }
        boolean override = false;
        if (to == Stage.BANKABLE && !request.readinessComplete()) {
            if (!request.override()) {
                throw violation("readiness-incomplete", current, to, "BANKABLE needs the readiness checklist "
                        + "complete, or override: true with an overrideReason");
            }
            if (!hasText(request.overrideReason())) {
                throw violation("override-reason-required", current, to, "A readiness override needs an overrideReason");
            }
            override = true;
        }
        return new Move(from, to, skipped, null, override);
    }

    private static RuleViolation violation(String code, Current current, Stage to, String detail) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("from", current.stage().name());
        ext.put("to", to.name());
        ext.put("allowed", nextStages(current.stage(), current.heldStage()).stream().map(Enum::name).toList());
        return RuleViolation.unprocessable(code, TITLE, detail, ext);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
