package org.tic.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/** One change for one subscription: its attempts and where it stands. */
public record Delivery(UUID id, UUID subscriptionId, long seq, UUID eventId, String eventType, String subject,
                       Status status, int attempts, Instant nextAttemptAt, Instant firstAttemptAt, Instant lastAttemptAt,
                       Integer lastStatusCode, String lastError, Integer lastLatencyMs, Instant deliveredAt,
                       Instant createdAt) {

    public enum Status { PENDING, DELIVERED, DEAD }
}
