package org.tic.delivery.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void delaysDoubleFromTheFirstUpToTheCapWithHalfOfEachRandom() {
        assertEquals(Duration.ofMillis(2500), policy.delayAfter(1, () -> 0.0));
        assertEquals(Duration.ofMillis(5000), policy.delayAfter(1, () -> 1.0));
        assertEquals(Duration.ofMillis(5000), policy.delayAfter(2, () -> 0.0));
        assertEquals(Duration.ofMillis(10000), policy.delayAfter(2, () -> 1.0));
        assertEquals(Duration.ofMillis(40000), policy.delayAfter(4, () -> 1.0));
        assertEquals(Duration.ofHours(1), policy.delayAfter(20, () -> 1.0));
        assertEquals(Duration.ofMinutes(30), policy.delayAfter(1000, () -> 0.0), "no overflow past the cap");
    }

    @Test
    void aDeliveryIsGivenUpOnceTheRetryPeriodIsOver() {
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        assertFalse(policy.givesUp(first, first.plus(Duration.ofHours(23))));
        assertTrue(policy.givesUp(first, first.plus(Duration.ofHours(24))));
    }

    @Test
    void aDayOfRetriesIsAboutFortyAttempts() {
        // with the mean jitter: 5 s doubling to 1 h, over 24 h
        long elapsed = 0;
        int attempts = 0;
        while (elapsed < Duration.ofHours(24).toMillis()) {
            attempts++;
            elapsed += policy.delayAfter(attempts, () -> 0.5).toMillis();
        }
        assertTrue(attempts > 35 && attempts < 45, "attempts " + attempts);
    }
}
