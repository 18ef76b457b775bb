package org.tic.commons.ratelimit;

/** Nanoseconds to the whole seconds a client is told (Retry-After, RateLimit t, w): always rounded up. */
final class Seconds {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Seconds() {
    }

    static long roundedUp(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        return nanos / NANOS_PER_SECOND + (nanos % NANOS_PER_SECOND == 0 ? 0 : 1);
    }
}
