package org.tic.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.tic.commons.event.EventTracing;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
    private final EventTracing tracing;
    private final Clock clock;

    public OutboxWriter(EntityManager em, ObjectMapper mapper, OutboxConfig config, Event<OutboxWritten> written,
                        EventTracing tracing, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.mapper = mapper;
        this.config = config;
        this.written = written;
        this.tracing = tracing;
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
        event.occurredAt = clock.instant();
        EventTracing.TraceContext trace = tracing.current();
        event.traceParent = trace.traceparent();
        event.traceState = trace.tracestate();
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of " + eventType + " is not serialisable", e);
        }
        em.persist(event);
        written.fire(new OutboxWritten(event.topic));
        return event.eventId;
    }

    /** One event of a {@link #recordAll} batch: its aggregate id (the Kafka key) and its data. */
    public record Pending(Object aggregateId, Object data) {
    }

    /**
     * Records many events of one type in the caller's transaction with one multi-row insert (a bulk write: one
     * statement instead of one per event), in list order (the relay publishes in id order).
     *
     * @return the event ids, in list order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(String aggregateType, String eventType, List<Pending> events, String actor) {
        if (events.isEmpty()) {
            return List.of();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] aggregateIds = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Pending p = events.get(i);
            ids[i] = UUID.randomUUID();
            aggregateIds[i] = String.valueOf(p.aggregateId());
            try {
                payloads[i] = mapper.writeValueAsString(p.data());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Event data of " + eventType + " is not serialisable", e);
            }
        }
        EventTracing.TraceContext trace = tracing.current();
        em.flush(); // entity writes of the transaction first, so event order follows the changes
        em.unwrap(Session.class).doWork(connection -> {
            Array idArray = connection.createArrayOf("uuid", ids);
            Array keyArray = connection.createArrayOf("text", aggregateIds);
            Array payloadArray = connection.createArrayOf("text", payloads);
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, payload, actor,
                                              occurred_at, trace_parent, trace_state)
                    select e.event_id, ?, ?, e.aggregate_id, ?, e.payload, ?, ?, ?, ?
                    from unnest(?::uuid[], ?::text[], ?::text[]) with ordinality as e(event_id, aggregate_id, payload, n)
                    order by e.n""")) {
                ps.setString(1, config.topic());
                ps.setString(2, aggregateType);
                ps.setString(3, eventType);
                ps.setString(4, actor);
                ps.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                ps.setString(6, trace.traceparent());
                ps.setString(7, trace.tracestate());
                ps.setArray(8, idArray);
                ps.setArray(9, keyArray);
                ps.setArray(10, payloadArray);
                ps.executeUpdate();
            }
        });
        written.fire(new OutboxWritten(config.topic()));
        return List.of(ids);
    }
}
