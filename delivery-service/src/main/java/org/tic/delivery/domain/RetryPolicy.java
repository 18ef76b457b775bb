package org.tic.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential back-off (first delay, doubling, capped) with "equal jitter"
 * (half fixed, half random) so that receivers coming back are not hit by every sender at once; given up after
 * {@code giveUpAfter} from the first attempt (then it waits in the subscription's dead letters). The schedule is a
 * column, not an in-memory retry loop: it must survive restarts and be shared by replicas.
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {

    /** The delay before attempt {@code attempts + 1}, after {@code attempts} failures (1 or more). */
    public Duration delayAfter(int attempts, DoubleSupplier random) {
        long first = firstDelay.toMillis();
        long cap = maxDelay.toMillis();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long exp = first > cap >> doublings ? cap : Math.min(cap, first << doublings);
        long half = exp / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (exp - half)));
    }

    /** Whether a delivery first tried at {@code firstAttempt} is given up at {@code now}. */
    public boolean givesUp(Instant firstAttempt, Instant now) {
        return !now.isBefore(firstAttempt.plus(giveUpAfter));
    }
}
