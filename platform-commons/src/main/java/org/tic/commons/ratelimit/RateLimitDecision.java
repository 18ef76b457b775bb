package org.tic.commons.ratelimit;

import org.tic.commons.error.Problem;

/**
 * The outcome of one call against its bucket, and how it is told to the client: the RateLimit-Policy and RateLimit
 * fields of draft-ietf-httpapi-ratelimit-headers (structured-field form) on every limited response, and on a refusal
 * a 429 problem with Retry-After.
 *
 * @param remaining        requests left in the bucket after this one
 * @param nanosUntilFull   until the bucket is full again (the quota "resets": RateLimit {@code t})
 * @param nanosUntilNext   when refused: until the next request is allowed (Retry-After); 0 when allowed
 */
public record RateLimitDecision(RateLimitPolicy policy, boolean allowed, long remaining, long nanosUntilFull,
                                long nanosUntilNext) {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String RATE_LIMIT_HEADER = "RateLimit";
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    /** {@code "partner";q=600;w=60}. */
    public String policyHeader() {
        return quoted(policy.name()) + ";q=" + policy.capacity() + ";w=" + policy.windowSeconds();
    }

    /** {@code "partner";r=599;t=1}: requests left, and seconds (rounded up) until the bucket is full again. */
    public String rateLimitHeader() {
        return quoted(policy.name()) + ";r=" + remaining + ";t=" + Seconds.roundedUp(nanosUntilFull);
    }

    /** Whole seconds to wait, rounded up so that a client retrying exactly then is allowed; at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, Seconds.roundedUp(nanosUntilNext));
    }

    /** The 429 body (without {@code instance}). */
    public Problem problem() {
        long retry = retryAfterSeconds();
        return new Problem("rate-limited", "Too many requests", 429,
                "Rate limit \"" + policy.name() + "\" exceeded: " + policy.describe() + " per client"
                        + (RateLimitPolicies.BULK.equals(policy.name()) ? " for bulk operations" : "")
                        + "; retry in " + retry + " s", null)
                .with("policy", policy.name())
                .with("limit", policy.capacity())
                .with("windowSeconds", policy.windowSeconds())
                .with("retryAfterSeconds", retry);
    }

    /** An sf-string: policy names are restricted to [a-z0-9-], so nothing needs escaping. */
    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
