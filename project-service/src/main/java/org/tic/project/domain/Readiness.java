package org.tic.project.domain;

import org.tic.commons.rules.RuleViolation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Rules of the bankability checklist and its computed summary. */
public final class Readiness {

    public enum Level { NOT_STARTED, IN_PROGRESS, READY }

    /**
     * @param complete      every item is COMPLETE or NOT_APPLICABLE: the project may move to BANKABLE
     * @param percent       share of applicable items complete (100 when nothing applies)
     * @param missing       items still open, in checklist order
     */
    public record Summary(Level level, boolean complete, int itemsTotal, int itemsComplete, int itemsNotApplicable,
                          int itemsInProgress, int percent, List<ReadinessItemKey> missing) {
    }

    private Readiness() {
    }

    /** Checks an item update: COMPLETE needs evidence, NOT_APPLICABLE needs a justification. */
    public static void checkItem(ReadinessItemKey item, ReadinessStatus status, List<Evidence> evidence, String note) {
        if (status == ReadinessStatus.COMPLETE && (evidence == null || evidence.isEmpty())) {
            throw RuleViolation.unprocessable("readiness-evidence-required", "Readiness item needs evidence",
                    item + " cannot be COMPLETE without evidence", Map.of("item", item.name()));
        }
        if (status == ReadinessStatus.NOT_APPLICABLE && (note == null || note.isBlank())) {
            throw RuleViolation.unprocessable("readiness-justification-required", "Readiness item needs a justification",
                    item + " can be NOT_APPLICABLE only with a note saying why", Map.of("item", item.name()));
        }
    }

    /** Summarises the checklist; items without a recorded status count as NOT_STARTED. */
    public static Summary summarise(Map<ReadinessItemKey, ReadinessStatus> recorded) {
        Map<ReadinessItemKey, ReadinessStatus> all = new EnumMap<>(ReadinessItemKey.class);
        for (ReadinessItemKey key : ReadinessItemKey.values()) {
            all.put(key, recorded.getOrDefault(key, ReadinessStatus.NOT_STARTED));
        }
        int complete = 0;
        int notApplicable = 0;
        int inProgress = 0;
        List<ReadinessItemKey> missing = new ArrayList<>();
        for (var e : all.entrySet()) {
            switch (e.getValue()) {
                case COMPLETE -> complete++;
                case NOT_APPLICABLE -> notApplicable++;
                case IN_PROGRESS -> {
                    inProgress++;
                    missing.add(e.getKey());
                }
                case NOT_STARTED -> missing.add(e.getKey());
            }
        }
        int total = all.size();
        int applicable = total - notApplicable;
        int percent = applicable == 0 ? 100 : (int) Math.floor(100.0 * complete / applicable);
        boolean done = missing.isEmpty();
        Level level = done ? Level.READY : (complete + inProgress + notApplicable == 0 ? Level.NOT_STARTED : Level.IN_PROGRESS);
        return new Summary(level, done, total, complete, notApplicable, inProgress, percent, List.copyOf(missing));
    }
}
