package org.tic.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/** One change of the feed: an event as the services published it, with its place in the feed. */
public record Change(long seq, UUID eventId, String type, String source, String subject, String aggregateType,
                     Instant occurredAt, String actor, String dataJson, Instant recordedAt) {
}
