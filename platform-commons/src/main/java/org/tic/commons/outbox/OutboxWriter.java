package org.tic.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Records change events in the outbox table, in the caller's transaction: the event exists if and only if
 * the change committed. Nothing here talks to Kafka; {@link OutboxRelay} does that after commit.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final Event<OutboxWritten> written;

    public OutboxWriter(EntityManager em, ObjectMapper mapper, OutboxConfig config, Event<OutboxWritten> written) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
        this.written = written;
    }

    /**
     * @param aggregateType e.g. {@code cluster}
     * @param aggregateId   the Kafka key: events of one aggregate stay in order
     * @param eventType     versioned CloudEvents type, e.g. {@code tic.membership.cluster.joined.v1}
     * @param data          serialised as the event's JSON data
     * @param actor         who made the change (subject of the caller's token), or null for the system
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String aggregateType, Object aggregateId, String eventType, Object data, String actor) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = config.topic();
        event.aggregateType = aggregateType;
        event.aggregateId = String.valueOf(aggregateId);
        event.eventType = eventType;
        event.actor = actor;
        event.occurredAt = Instant.now();
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of " + eventType + " is not serialisable", e);
        }
        em.persist(event);
        written.fire(new OutboxWritten(event.topic));
        return event.eventId;
    }
}
