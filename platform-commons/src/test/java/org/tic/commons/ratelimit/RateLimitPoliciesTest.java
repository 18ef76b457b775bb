package org.tic.commons.ratelimit;

import org.junit.jupiter.api.Test;
import org.tic.commons.security.Roles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitPoliciesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimitPolicies policies = new RateLimitPolicies(
            new RateLimitPolicy("anonymous", 120, MINUTE), new RateLimitPolicy("bulk", 10, MINUTE),
            Map.of(Roles.SECRETARIAT, new RateLimitPolicy(Roles.SECRETARIAT, 1200, MINUTE),
                    Roles.COORDINATOR, new RateLimitPolicy(Roles.COORDINATOR, 600, MINUTE),
                    Roles.PARTNER, new RateLimitPolicy(Roles.PARTNER, 300, MINUTE)));

    @Test
    void eachRoleHasItsOwnLimitAndNoRoleIsAnonymous() {
        assertEquals("secretariat", policies.forCall(Set.of(Roles.SECRETARIAT), false).name());
        assertEquals("cluster-coordinator", policies.forCall(Set.of(Roles.COORDINATOR), false).name());
        assertEquals("partner", policies.forCall(Set.of(Roles.PARTNER), false).name());
        assertEquals("anonymous", policies.forCall(Set.of(), false).name());
        assertEquals("anonymous", policies.forCall(Set.of("offline_access", "uma_authorization"), false).name(),
                "roles the platform does not know grant nothing");
    }

    @Test
    void aCallerWithSeveralRolesGetsTheMostGenerous() {
        assertEquals("secretariat", policies.forCall(List.of(Roles.PARTNER, Roles.SECRETARIAT, Roles.COORDINATOR), false).name());
        assertEquals("cluster-coordinator", policies.forCall(List.of(Roles.PARTNER, Roles.COORDINATOR), false).name());
        assertEquals("cluster-coordinator", policies.forCall(List.of(Roles.COORDINATOR, Roles.PARTNER), false).name());
    }

    @Test
    void generosityIsTheRateNotTheCapacity() {
        RateLimitPolicy hourly = new RateLimitPolicy("partner", 3000, Duration.ofHours(1)); // 50 a minute
        RateLimitPolicy perMinute = new RateLimitPolicy("cluster-coordinator", 100, MINUTE);
        assertTrue(perMinute.moreGenerousThan(hourly));
        assertFalse(hourly.moreGenerousThan(perMinute));
        RateLimitPolicies p = new RateLimitPolicies(new RateLimitPolicy("anonymous", 1, MINUTE),
                new RateLimitPolicy("bulk", 1, MINUTE), Map.of(Roles.PARTNER, hourly, Roles.COORDINATOR, perMinute));
        assertEquals("cluster-coordinator", p.forCall(Set.of(Roles.PARTNER, Roles.COORDINATOR), false).name());
        // same rate: the larger burst
        assertTrue(new RateLimitPolicy("a", 120, Duration.ofMinutes(2)).moreGenerousThan(new RateLimitPolicy("b", 60, MINUTE)));
    }

    @Test
    void bulkOperationsHaveTheirOwnStricterLimitWhateverTheRole() {
        assertEquals("bulk", policies.forCall(Set.of(Roles.SECRETARIAT), true).name());
        assertEquals("bulk", policies.forCall(Set.of(), true).name());
        assertEquals(10, policies.forCall(Set.of(Roles.PARTNER), true).capacity());
    }

    @Test
    void forgottenBucketsAreThoseIdleForTheLongestPeriod() {
        RateLimitPolicies p = new RateLimitPolicies(new RateLimitPolicy("anonymous", 1, MINUTE),
                new RateLimitPolicy("bulk", 5, Duration.ofHours(1)), Map.of());
        assertEquals(Duration.ofHours(1), p.longestPeriod());
    }

    @Test
    void nonsensicalLimitsAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("partner", 0, MINUTE));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("partner", 10, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy("Partner \"x\"", 10, MINUTE));
    }

    @Test
    void theWindowIsInWholeSecondsRoundedUp() {
        assertEquals(60, new RateLimitPolicy("a", 1, MINUTE).windowSeconds());
        assertEquals(2, new RateLimitPolicy("a", 1, Duration.ofMillis(1500)).windowSeconds());
        assertEquals("600 requests per 60 s", new RateLimitPolicy("a", 600, MINUTE).describe());
    }
}
