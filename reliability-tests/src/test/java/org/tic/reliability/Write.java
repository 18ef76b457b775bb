package org.tic.reliability;

import java.util.List;

/**
 * One write attempt of the load, as the client saw it, with what must be true afterwards if it was acknowledged:
 * where to read it back, the marker that identifies it, and the events it must have produced.
 *
 * @param kind       CREATE / UPDATE: {@code url} is the resource (its version must have reached {@code version},
 *                   and the last acknowledged write's marker must be its content); APPEND: {@code url} is a log
 *                   (history, parties) that must contain {@code marker}
 * @param searchUrl  for creates whose id is unknown (the call failed): a query whose answer contains the marker
 *                   when the write landed anyway
 */
public record Write(long seq, String worker, String service, String op, Kind kind, String url, String searchUrl,
                    String marker, long version, Outcome outcome, int status, boolean problemJson, long startMillis, long millis,
                    String phase, List<EventChecker.Expected> events, String detail) {

    public enum Kind { CREATE, UPDATE, APPEND }

    /** How the client saw a call end. */
    public enum Outcome {
        /** 2xx. */
        ACK,
        /** 4xx: refused by the service, must not have landed. */
        REJECTED,
        /** 503: the service said a dependency is down; must not have landed. */
        UNAVAILABLE,
        /** Connection refused: never reached a service. */
        REFUSED,
        /** Any other 5xx: outcome unknown, and a violation of the outage contract. */
        SERVER_ERROR,
        /** No answer within the client timeout: outcome unknown, and a hang. */
        TIMEOUT,
        /** Connection cut mid-call (the service was killed): outcome unknown. */
        RESET;

        public boolean indeterminate() {
            return this == SERVER_ERROR || this == TIMEOUT || this == RESET;
        }

        public boolean definitelyNotApplied() {
            return this == REJECTED || this == UNAVAILABLE || this == REFUSED;
        }

        public static Outcome of(Http.Result r) {
            if (r.failure() != null) {
                return switch (r.failure()) {
                    case REFUSED -> REFUSED;
                    case TIMEOUT -> TIMEOUT;
                    case RESET -> RESET;
                };
            }
            if (r.status() / 100 == 2) {
                return ACK;
            }
            if (r.status() == 503) {
                return UNAVAILABLE;
            }
            if (r.status() >= 500) {
                return SERVER_ERROR;
            }
            return REJECTED;
        }
    }

    public boolean acked() {
        return outcome == Outcome.ACK;
    }
}
