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
        Map<String, Integer> kinds = new java.util.LinkedHashMap<>();
        int winners = 0;
        for (Http.Result r : results) {
            byStatus.merge(r.failure() != null ? -1 : r.status(), 1, Integer::sum);
            if (r.is2xx()) {
                winners++;
            } else if (r.failure() != null) {
                kinds.merge(race + ": no answer (" + r.brief() + ")", 1, Integer::sum);
            } else if (r.status() >= 500) {
                kinds.merge(race + ": HTTP " + r.brief(), 1, Integer::sum);
            } else if (!loserStatuses.contains(r.status())) {
                kinds.merge(race + ": a loser got " + r.brief() + " (expected one of " + loserStatuses + ")", 1, Integer::sum);
            } else if (!r.isProblemJson()) {
                kinds.merge(race + ": a loser's " + r.status() + " is not problem+json", 1, Integer::sum);
            }
        }
        List<String> violations = new ArrayList<>();
        kinds.forEach((k, n) -> violations.add(n > 1 ? k + " (×" + n + ")" : k));
        if (winners != 1) {
            violations.add(race + ": " + winners + " attempts succeeded, expected exactly 1: " + results.stream()
                    .filter(Http.Result::is2xx).map(Http.Result::brief).toList());
        }
        if (!finalStateOk) {
            violations.add(race + ": the final state is not the winner's");
        }
        return new Report(race, results.size(), winners, byStatus, violations);
    }
}
