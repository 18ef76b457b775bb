package org.tic.commons.ratelimit;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buckets on a clock the test moves: no sleeping. */
class RateLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final RateLimitPolicy PARTNER = new RateLimitPolicy("partner", 3, MINUTE);
    private static final RateLimitPolicy BULK = new RateLimitPolicy("bulk", 1, MINUTE);

    private final FakeTime time = new FakeTime();
    private final RateLimiter limiter = new RateLimiter(
            new RateLimitPolicies(new RateLimitPolicy("anonymous", 2, MINUTE), BULK, Map.of("partner", PARTNER)), 1000, time);

    @Test
    void aClientGetsItsCapacityThenA429WithWhenToRetry() {
        for (int i = 2; i >= 0; i--) {
            RateLimitDecision d = limiter.tryConsume(PARTNER, "client:acme");
            assertTrue(d.allowed());
            assertEquals(i, d.remaining());
        }
        RateLimitDecision refused = limiter.tryConsume(PARTNER, "client:acme");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(20, refused.retryAfterSeconds(), "3 a minute: one more every 20 s");
    }

    @Test
    void theBucketRefillsEvenlyOverThePeriod() {
        drain(PARTNER, "client:acme");
        time.advance(Duration.ofSeconds(19));
        RateLimitDecision early = limiter.tryConsume(PARTNER, "client:acme");
        assertFalse(early.allowed());
        assertEquals(1, early.retryAfterSeconds());
        time.advance(Duration.ofSeconds(1));
        assertTrue(limiter.tryConsume(PARTNER, "client:acme").allowed());
        time.advance(MINUTE.multipliedBy(5));
        assertEquals(2, limiter.tryConsume(PARTNER, "client:acme").remaining(), "never more than the capacity");
    }

    @Test
    void differentClientsAndDifferentPoliciesHaveSeparateBuckets() {
        drain(PARTNER, "client:acme");
        assertFalse(limiter.tryConsume(PARTNER, "client:acme").allowed());
        assertTrue(limiter.tryConsume(PARTNER, "client:globex").allowed());
        assertTrue(limiter.tryConsume(BULK, "client:acme").allowed(), "the bulk bucket is not the role's");
        assertFalse(limiter.tryConsume(BULK, "client:acme").allowed());
        assertTrue(limiter.tryConsume(PARTNER, "client:globex").allowed(), "nor does bulk use drain the role's");
    }

    @Test
    void retryAfterIsRoundedUpAndAtLeastOneSecond() {
        RateLimitPolicy fast = new RateLimitPolicy("fast", 600, MINUTE); // one every 100 ms
        drain(fast, "k");
        assertEquals(1, limiter.tryConsume(fast, "k").retryAfterSeconds());
        RateLimitPolicy odd = new RateLimitPolicy("odd", 7, MINUTE); // one every 8.57 s
        drain(odd, "k");
        assertEquals(9, limiter.tryConsume(odd, "k").retryAfterSeconds());
        assertEquals(1, new RateLimitDecision(odd, false, 0, 0, 0).retryAfterSeconds());
        assertEquals(2, new RateLimitDecision(odd, false, 0, 0, 1_000_000_001L).retryAfterSeconds());
        assertEquals(1, new RateLimitDecision(odd, false, 0, 0, 1_000_000_000L).retryAfterSeconds());
    }

    @Test
    void theHeadersAreTheDraftsStructuredFields() {
        RateLimitPolicy partner = new RateLimitPolicy("partner", 600, MINUTE);
        RateLimitDecision first = limiter.tryConsume(partner, "client:acme");
        assertEquals("\"partner\";q=600;w=60", first.policyHeader());
        assertEquals("\"partner\";r=599;t=1", first.rateLimitHeader(), "one request back in 100 ms: full in 1 s, rounded up");
        RateLimitDecision second = limiter.tryConsume(PARTNER, "client:x");
        assertEquals("\"partner\";q=3;w=60", second.policyHeader());
        assertEquals("\"partner\";r=2;t=20", second.rateLimitHeader());
        limiter.tryConsume(PARTNER, "client:x");
        assertEquals("\"partner\";r=0;t=60", limiter.tryConsume(PARTNER, "client:x").rateLimitHeader());
        assertEquals("\"partner\";r=0;t=60", limiter.tryConsume(PARTNER, "client:x").rateLimitHeader(), "refused: still empty");
    }

    @Test
    void aRefusalIsAProblemNamingTheLimit() {
        drain(PARTNER, "client:acme");
        var p = limiter.tryConsume(PARTNER, "client:acme").problem();
        assertEquals("urn:tic:problem:rate-limited", p.type);
        assertEquals(429, p.status);
        assertEquals("Rate limit \"partner\" exceeded: 3 requests per 60 s per client; retry in 20 s", p.detail);
        assertEquals(20L, p.extensions().get("retryAfterSeconds"));
        assertEquals(3L, p.extensions().get("limit"));
        drain(BULK, "client:acme");
        assertTrue(limiter.tryConsume(BULK, "client:acme").problem().detail.contains("1 request per 60 s per client for bulk operations"));
    }

    @Test
    void idleBucketsAreForgottenOnlyWhenTheyWouldBeFullAnyway() {
        drain(PARTNER, "client:acme");
        time.advance(Duration.ofSeconds(59));
        assertEquals(1, limiter.size(), "still remembered within the period");
        assertEquals(1, limiter.tryConsume(PARTNER, "client:acme").remaining(), "two refilled in 59 s, one taken");
        time.advance(MINUTE);
        assertEquals(0, limiter.size());
        assertEquals(2, limiter.tryConsume(PARTNER, "client:acme").remaining(), "a new bucket is a full one, as the old would be");
    }

    private void drain(RateLimitPolicy policy, String key) {
        for (long i = 0; i < policy.capacity(); i++) {
            assertTrue(limiter.tryConsume(policy, key).allowed());
        }
    }

    private static final class FakeTime implements TimeMeter {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
