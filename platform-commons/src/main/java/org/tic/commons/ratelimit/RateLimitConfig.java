package org.tic.commons.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Per-client rate limits (see docs/rate-limits.md). Each limit is a token bucket of {@code capacity} requests,
 * refilled evenly over {@code period}; the buckets live in each replica's memory.
 */
@ConfigMapping(prefix = "tic.rate-limit")
public interface RateLimitConfig {

    /** Off: no bucket, no RateLimit headers, never a 429. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Key anonymous callers by the last X-Forwarded-For entry (the address the proxy in front saw) instead of the
     * connection's address. Only behind a proxy that appends to X-Forwarded-For; otherwise a caller picks its key.
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    /** Buckets kept per replica (least used evicted first; an evicted client starts again with a full bucket). */
    @WithDefault("50000")
    long maxClients();

    /** Callers without a platform role: no token (keyed by address), or a token with none of the roles. */
    Anonymous anonymous();

    Partner partner();

    ClusterCoordinator clusterCoordinator();

    Secretariat secretariat();

    /** Operations marked {@link BulkOperation} (imports, exports): a separate bucket per client, whatever its role. */
    Bulk bulk();

    interface Anonymous {
        @WithDefault("120")
        long capacity();

        @WithDefault("1m")
        Duration period();
    }

    interface Partner {
        @WithDefault("600")
        long capacity();

        @WithDefault("1m")
        Duration period();
    }

    interface ClusterCoordinator {
        @WithDefault("600")
        long capacity();

        @WithDefault("1m")
        Duration period();
    }

    interface Secretariat {
        @WithDefault("1200")
        long capacity();

        @WithDefault("1m")
        Duration period();
    }

    interface Bulk {
        @WithDefault("10")
        long capacity();

        @WithDefault("1m")
        Duration period();
    }
}
