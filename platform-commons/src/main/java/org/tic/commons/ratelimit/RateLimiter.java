package org.tic.commons.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * The buckets of this replica, one per (policy, client), in a bounded cache. A bucket not used for the longest
 * policy period is forgotten: by then it would be full again anyway, so forgetting it changes no answer. When the
 * cache is full the least useful entries go first, and such a client starts again with a full bucket (more lenient,
 * never stricter).
 */
public final class RateLimiter {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    public RateLimiter(RateLimitPolicies policies, long maxClients, TimeMeter time) {
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(policies.longestPeriod())
                .ticker(time::currentTimeNanos)
                .build();
    }

    /** Takes one request from the client's bucket for this policy, if there is one left. */
    public RateLimitDecision tryConsume(RateLimitPolicy policy, String clientKey) {
        Bucket bucket = buckets.get(policy.name() + "|" + clientKey, k -> newBucket(policy));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new RateLimitDecision(policy, probe.isConsumed(), probe.getRemainingTokens(),
                probe.getNanosToWaitForReset(), probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket(RateLimitPolicy policy) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(policy.capacity()).refillGreedy(policy.capacity(), policy.period()))
                .withCustomTimePrecision(time)
                .build();
    }
}
