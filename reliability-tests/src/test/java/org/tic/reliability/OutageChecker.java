package org.tic.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outage contract of every call: an answer within the client timeout, and when it is an error, a 4xx or a 503 as
 * problem+json, or a fast connection refusal — never another 5xx, never a hang. A connection cut mid-call is only
 * acceptable when the call overlapped a kill of that service; a call that timed out is only excused when it was sent
 * while that service was restarting after a kill (not ready yet: no load balancer would have routed it there).
 */
public final class OutageChecker {

    public record Report(Map<String, Map<Write.Outcome, Integer>> byPhase, List<String> violations, long maxFailureMillis,
                         int cutByKill, int slowWhileRestarting) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private OutageChecker() {
    }

    /**
     * @param killWindows per service, the [from, to] times (ms, the writes' clock) from its SIGKILL until it was ready
     */
    public static Report check(List<Write> writes, Map<String, List<long[]>> killWindows) {
        Map<String, Map<Write.Outcome, Integer>> byPhase = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        long maxFailureMillis = 0;
        int cut = 0;
        int slow = 0;
        for (Write w : writes) {
            byPhase.computeIfAbsent(w.phase(), k -> new TreeMap<>()).merge(w.outcome(), 1, Integer::sum);
            if (!w.acked()) {
                maxFailureMillis = Math.max(maxFailureMillis, w.millis());
            }
            String where = w.service() + " " + w.op() + " (" + w.url() + ") [" + w.phase() + "]";
            List<long[]> windows = killWindows.getOrDefault(w.service(), List.of());
            long end = w.startMillis() + w.millis();
            switch (w.outcome()) {
                case SERVER_ERROR -> violations.add("HTTP " + w.status() + " from " + where + ": " + w.detail());
                case TIMEOUT -> {
                    if (windows.stream().anyMatch(k -> w.startMillis() >= k[0] && w.startMillis() <= k[1])) {
                        slow++;
                    } else {
                        violations.add("no answer within the client timeout (" + w.millis() + " ms) from " + where);
                    }
                }
                case RESET -> {
                    if (windows.stream().anyMatch(k -> w.startMillis() <= k[1] && end >= k[0])) {
                        cut++;
                    } else {
                        violations.add("connection cut, no kill of " + w.service() + " at the time: " + where + " " + w.detail());
                    }
                }
                case REJECTED, UNAVAILABLE -> {
                    if (!w.problemJson()) {
                        violations.add("HTTP " + w.status() + " without application/problem+json from " + where + ": " + w.detail());
                    }
                }
                default -> {
                }
            }
        }
        return new Report(byPhase, violations, maxFailureMillis, cut, slow);
    }
}
