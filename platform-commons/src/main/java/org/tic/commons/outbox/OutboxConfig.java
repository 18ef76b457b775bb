package org.tic.commons.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Outbox settings; every service sets at least the topic and the source. */
@ConfigMapping(prefix = "tic.outbox")
public interface OutboxConfig {

    /** Kafka topic this service publishes its events to, e.g. {@code membership.events}. */
    String topic();

    /** CloudEvents {@code source} of this service's events, e.g. {@code /tic/membership-service}. */
    String source();

    Relay relay();

    /** Published rows are deleted after this long (they are only kept for diagnosis). */
    @WithDefault("P7D")
    Duration retention();

    interface Relay {
        /** Turn off only to test what happens while nothing relays. */
        @WithDefault("true")
        boolean enabled();

        /** Rows read and sent per round. */
        @WithDefault("500")
        int batchSize();

        /** How often to look for rows written by other replicas; local writes wake the relay at once. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Upper bound of the back-off while Kafka or PostgreSQL is unreachable. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** Kafka delivery timeout for one event (retries included). */
        @WithDefault("30s")
        Duration deliveryTimeout();
    }
}
