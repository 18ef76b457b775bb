package org.tic.delivery.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** delivery-service settings (README, "Configuration"). */
@ConfigMapping(prefix = "tic.delivery")
public interface DeliveryConfig {

    Changes changes();

    Webhooks webhooks();

    interface Webhooks {
        /** Plain http receivers (local development only: production refuses them). */
        @WithDefault("false")
        boolean allowInsecureUrls();

        /** Receivers on loopback/private/link-local addresses (local development only: SSRF in production). */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** Deliveries in flight at once per replica; a hanging receiver holds at most {@link #perSubscription()}. */
        @WithDefault("16")
        int concurrency();

        @WithDefault("8")
        int perSubscription();

        @WithDefault("5s")
        Duration connectTimeout();

        /** The whole answer of a receiver; a slower one counts as a failed attempt. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** First retry after about this long (with jitter), doubling up to {@link #maxRetryDelay()}. */
        @WithDefault("5s")
        Duration firstRetryDelay();

        @WithDefault("1h")
        Duration maxRetryDelay();

        /** A delivery still failing this long after its first attempt goes to the subscription's dead letters. */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** A subscription whose deliveries have failed for this long without a success is disabled. */
        @WithDefault("24h")
        Duration disableAfter();

        /** After a rotation the previous secret still signs deliveries this long (receivers switch over). */
        @WithDefault("24h")
        Duration previousSecretValidity();

        /** How often to look for due retries and other replicas' changes; local commits wake the dispatcher at once. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Turn off only to test what happens while nothing is delivered. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Changes {
        /** How long a change stays in the feed; partners are promised at least 30 days. */
        @WithDefault("P35D")
        Duration retention();

        /** How often retention runs (read by ChangeRetention's schedule). */
        @WithDefault("1h")
        String retentionInterval();

        /** Rows deleted per retention transaction (short transactions, no long lock on the table). */
        @WithDefault("5000")
        int retentionChunk();

        /** Long-polls waiting at once (each holds a worker thread); beyond this a long-poll is answered at once. */
        @WithDefault("32")
        int maxWaiting();
    }
}
