package org.tic.commons.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A decoded CloudEvent as a consumer sees it. */
public record IncomingEvent(
        UUID id,
        String type,
        String source,
        String subject,
        String aggregateType,
        Instant time,
        String actor,
        JsonNode data,
        String topic,
        int partition,
        long offset) {

    /** The event type without its version suffix, e.g. {@code tic.membership.cluster.joined}. */
    public String baseType() {
        int dot = type.lastIndexOf('.');
        return dot > 0 && type.substring(dot + 1).matches("v\\d+") ? type.substring(0, dot) : type;
    }
}
