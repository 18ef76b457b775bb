package org.tic.commons.ratelimit;

import org.tic.commons.security.Roles;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Which limit applies to a call: bulk operations have their own; otherwise the most generous of the caller's roles. */
public final class RateLimitPolicies {

    public static final String ANONYMOUS = "anonymous";
    public static final String BULK = "bulk";

    private final RateLimitPolicy anonymous;
    private final RateLimitPolicy bulk;
    private final Map<String, RateLimitPolicy> byRole;

    /** {@code byRole}: role name (as in {@link Roles}) to its limit; the policy's name is the role's. */
    public RateLimitPolicies(RateLimitPolicy anonymous, RateLimitPolicy bulk, Map<String, RateLimitPolicy> byRole) {
        this.anonymous = anonymous;
        this.bulk = bulk;
        this.byRole = Map.copyOf(byRole);
    }

    public static RateLimitPolicies from(RateLimitConfig c) {
        Map<String, RateLimitPolicy> byRole = new LinkedHashMap<>();
        byRole.put(Roles.SECRETARIAT, new RateLimitPolicy(Roles.SECRETARIAT, c.secretariat().capacity(), c.secretariat().period()));
        byRole.put(Roles.COORDINATOR, new RateLimitPolicy(Roles.COORDINATOR, c.clusterCoordinator().capacity(),
                c.clusterCoordinator().period()));
        byRole.put(Roles.PARTNER, new RateLimitPolicy(Roles.PARTNER, c.partner().capacity(), c.partner().period()));
        return new RateLimitPolicies(new RateLimitPolicy(ANONYMOUS, c.anonymous().capacity(), c.anonymous().period()),
                new RateLimitPolicy(BULK, c.bulk().capacity(), c.bulk().period()), byRole);
    }

    /**
     * The limit for a call by a caller with these roles (empty for anonymous; roles the platform does not know are
     * ignored). A bulk operation is always the bulk limit, whatever the roles.
     */
    public RateLimitPolicy forCall(Collection<String> roles, boolean bulkOperation) {
        if (bulkOperation) {
            return bulk;
        }
        RateLimitPolicy best = null;
        for (String role : roles) {
            RateLimitPolicy p = byRole.get(role);
            if (p != null && (best == null || p.moreGenerousThan(best))) {
                best = p;
            }
        }
        return best == null ? anonymous : best;
    }

    /** A bucket untouched for this long is full again, so it can be forgotten without changing any answer. */
    public Duration longestPeriod() {
        return Stream.concat(Stream.of(anonymous, bulk), byRole.values().stream()).map(RateLimitPolicy::period)
                .max(Duration::compareTo).orElseThrow();
    }
}
