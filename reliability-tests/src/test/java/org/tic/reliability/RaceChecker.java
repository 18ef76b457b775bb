package org.tic.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One race: N concurrent attempts at the same change. Exactly one must win; the others must lose properly. */
public final class RaceChecker {

    public record Report(String race, int attempts, int winners, Map<Integer, Integer> byStatus, List<String> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private RaceChecker() {
    }

    /**
     * @param loserStatuses the statuses a losing attempt may get (e.g. 412, or 409/412/422)
     * @param finalStateOk  whether the resource ended in the winner's state (checked by the caller)
     */
    public static Report check(String race, List<Http.Result> results, Set<Integer> loserStatuses, boolean finalStateOk) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        int winners = 0;
        for (Http.Result r : results) {
            byStatus.merge(r.failure() != null ? -1 : r.status(), 1, Integer::sum);
            if (r.is2xx()) {
                winners++;
            } else if (r.failure() != null) {
                violations.add(race + ": no answer (" + r.brief() + ")");
            } else if (r.status() >= 500) {
                violations.add(race + ": HTTP " + r.status() + " " + r.brief());
            } else if (!loserStatuses.contains(r.status())) {
                violations.add(race + ": a loser got " + r.status() + " (expected one of " + loserStatuses + "): " + r.brief());
            } else if (!r.isProblemJson()) {
                violations.add(race + ": a loser's " + r.status() + " is not problem+json");
            }
        }
        if (winners != 1) {
            violations.add(race + ": " + winners + " attempts succeeded, expected exactly 1");
        }
        if (!finalStateOk) {
            violations.add(race + ": the final state is not the winner's");
        }
        return new Report(race, results.size(), winners, byStatus, violations);
    }
}
