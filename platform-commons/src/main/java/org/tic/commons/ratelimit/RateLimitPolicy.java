package org.tic.commons.ratelimit;

import java.time.Duration;

/**
 * One limit: a bucket of {@code capacity} requests refilled evenly over {@code period} (so a client idle for a whole
 * period has its full capacity again). The name is what the RateLimit headers call it.
 */
public record RateLimitPolicy(String name, long capacity, Duration period) {

    public RateLimitPolicy {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A rate-limit policy name is lower-case letters, digits and '-': " + name);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("tic.rate-limit." + name + ".capacity must be at least 1, not " + capacity);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("tic.rate-limit." + name + ".period must be positive, not " + period);
        }
    }

    /** The window in whole seconds, rounded up (the {@code w} of RateLimit-Policy). */
    public long windowSeconds() {
        return Seconds.roundedUp(period.toNanos());
    }

    /** More requests per unit of time than {@code other}; at the same rate, the larger burst. */
    public boolean moreGenerousThan(RateLimitPolicy other) {
        // capacity / period compared without division: c1 * p2 vs c2 * p1 (in doubles: no overflow for any sane value)
        double mine = (double) capacity * other.period.toNanos();
        double theirs = (double) other.capacity * period.toNanos();
        return mine != theirs ? mine > theirs : capacity > other.capacity;
    }

    /** "600 requests per 60 s". */
    public String describe() {
        return capacity + (capacity == 1 ? " request" : " requests") + " per " + windowSeconds() + " s";
    }
}
