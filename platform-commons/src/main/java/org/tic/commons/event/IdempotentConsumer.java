package org.tic.commons.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.hibernate.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Applies an event at most once per consumer: the event id is recorded in {@code processed_event} in the same
 * transaction as the effect, so a redelivered event changes nothing. A failing effect is retried a bounded
 * number of times (each attempt in a fresh transaction); then, or at once for an undecodable event, the
 * exception goes up to the messaging layer, whose dead-letter strategy moves the record to the DLQ topic with
 * the error in its headers, and consumption goes on.
 * <p>Batch channels ({@link #consume}) apply a whole poll in one transaction and fall back to one event per
 * transaction only when that fails, so a broken event is still dead-lettered alone.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    public enum Outcome { APPLIED, DUPLICATE }

    private final EntityManager em;
    private final CloudEventDecoder decoder;
    private final MeterRegistry registry;
    private final int maxAttempts;
    private final long backoffMs;
    private final EventTracing tracing;

    public IdempotentConsumer(EntityManager em, ObjectMapper mapper, MeterRegistry registry, EventTracing tracing,
                              @ConfigProperty(name = "tic.consumer.max-attempts", defaultValue = "3") int maxAttempts,
                              @ConfigProperty(name = "tic.consumer.retry-backoff-ms", defaultValue = "200") long backoffMs) {
        this.em = em;
        this.tracing = tracing;
        this.decoder = new CloudEventDecoder(mapper);
        this.registry = registry;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoffMs = backoffMs;
    }

    /**
     * @param consumer a stable name for this consumer (one per read model), e.g. {@code project-clusters}
     */
    public Outcome process(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        return processDecoded(consumer, decode(consumer, record), record.headers(), handler);
    }

    /**
     * A channel with {@code batch=true}: applies the polled batch with {@link #processBatch}, sends each rejected
     * record to the channel's dead-letter topic on its own (its own nack: a nack of the batch would dead-letter
     * all of it), then acknowledges the batch. Call it from an {@code @Incoming @Blocking} method returning the stage.
     */
    public CompletionStage<Void> consume(String consumer, KafkaRecordBatch<String, String> batch, EventHandler handler) {
        List<KafkaRecord<String, String>> messages = batch.getRecords();
        Map<ConsumerRecord<String, String>, KafkaRecord<String, String>> byRecord = new IdentityHashMap<>();
        List<ConsumerRecord<String, String>> records = new ArrayList<>(messages.size());
        for (KafkaRecord<String, String> message : messages) {
            ConsumerRecord<String, String> record = consumerRecord(message);
            byRecord.put(record, message);
            records.add(record);
        }
        List<Rejected> rejected = processBatch(consumer, records, handler);
        CompletableFuture<?>[] deadLettered = rejected.stream()
                .map(r -> byRecord.get(r.record()).nack(r.error()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(deadLettered).thenCompose(done -> batch.ack());
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, String>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("Not an incoming Kafka record: " + message));
    }

    /** A record of a batch that could not be applied: it goes to the dead-letter topic on its own. */
    public record Rejected(ConsumerRecord<String, String> record, RuntimeException error) {
    }

    /**
     * Applies a batch of records (as polled: per partition in offset order) in <em>one</em> transaction — their
     * {@code processed_event} rows in one statement, then each new event's effect in order. When that transaction
     * fails for anything but an unreachable database, the batch is applied again one event per transaction, with the
     * bounded retries of {@link #process}: a poison or failing event is then rejected alone and the others apply.
     *
     * @return the records to dead-letter, each on its own (undecodable, or still failing after the retries)
     */
    public List<Rejected> processBatch(String consumer, List<ConsumerRecord<String, String>> records, EventHandler handler) {
        List<Rejected> rejected = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>(records.size());
        List<Headers> headers = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(decode(consumer, record));
                headers.add(record.headers());
                decoded.add(record);
            } catch (PoisonEventException e) {
                rejected.add(new Rejected(record, e));
            }
        }
        if (events.isEmpty()) {
            return rejected;
        }
        long unavailableWaitMs = backoffMs;
        while (true) {
            // One CONSUMER span per event of the batch, ended when the batch's transaction has committed or failed.
            List<Span> spans = new ArrayList<>(events.size());
            String[] outcomes = new String[events.size()];
            for (int i = 0; i < events.size(); i++) {
                spans.add(tracing.process(consumer, events.get(i), headers.get(i), 1));
                outcomes[i] = "duplicate";
            }
            try {
                int applied = QuarkusTransaction.requiringNew().call(() -> applyAll(consumer, events, spans, outcomes, handler));
                count(consumer, "applied", applied);
                count(consumer, "duplicate", events.size() - applied);
                for (int i = 0; i < spans.size(); i++) {
                    EventTracing.end(spans.get(i), outcomes[i], null);
                }
                return rejected;
            } catch (RuntimeException e) {
                spans.forEach(span -> EventTracing.end(span, "retried", e)); // again below, alone or after the wait
                if (isUnavailable(e) && !Thread.currentThread().isInterrupted()) {
                    LOG.debugf("Database unavailable while applying a batch of %d; waiting %d ms", events.size(),
                            unavailableWaitMs);
                    pause(unavailableWaitMs);
                    unavailableWaitMs = Math.min(unavailableWaitMs * 2, 5_000);
                    continue;
                }
                LOG.debugf(e, "A batch of %d events failed in %s; applying them one by one", events.size(), consumer);
                registry.counter("tic.events.batches.split", "consumer", consumer).increment();
                break;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                processDecoded(consumer, events.get(i), headers.get(i), handler);
            } catch (PoisonEventException | EventProcessingException e) {
                rejected.add(new Rejected(decoded.get(i), e));
            }
        }
        return rejected;
    }

    private IncomingEvent decode(String consumer, ConsumerRecord<String, String> record) {
        try {
            return decoder.decode(record);
        } catch (PoisonEventException e) {
            count(consumer, "poison");
            tracing.poison(consumer, record.topic(), record.headers(), e);
            LOG.warnf("Poison record %s-%d@%d for %s: %s", record.topic(), record.partition(), record.offset(),
                    consumer, e.getMessage());
            throw e;
        }
    }

    /** One event, each attempt in its own transaction and its own CONSUMER span (current while the effect runs). */
    private Outcome processDecoded(String consumer, IncomingEvent event, Headers headers, EventHandler handler) {
        long unavailableWaitMs = backoffMs;
        int tries = 0; // spans numbered by try; a wait for the database is a try but not an attempt
        for (int attempt = 1; ; attempt++) {
            tries++;
            Span span = tracing.process(consumer, event, headers, tries);
            try (Scope ignored = span.makeCurrent()) {
                try {
                    Outcome outcome = QuarkusTransaction.requiringNew().call(() -> apply(consumer, event, handler));
                    count(consumer, outcome == Outcome.APPLIED ? "applied" : "duplicate");
                    EventTracing.end(span, outcome == Outcome.APPLIED ? "applied" : "duplicate", null);
                    return outcome;
                } catch (PoisonEventException e) {
                    count(consumer, "poison");
                    EventTracing.end(span, "dead-lettered", e);
                    throw e;
                } catch (RuntimeException e) {
                    if (isUnavailable(e) && !Thread.currentThread().isInterrupted()) {
                        // The database is down, not the event broken: this partition waits (the attempt does not
                        // count) until the database is back, instead of dead-lettering a good event.
                        LOG.debugf("Database unavailable while applying %s; waiting %d ms", event.id(), unavailableWaitMs);
                        EventTracing.end(span, "retried", e);
                        pause(unavailableWaitMs);
                        unavailableWaitMs = Math.min(unavailableWaitMs * 2, 5_000);
                        attempt--;
                        continue;
                    }
                    LOG.debugf(e, "Attempt %d/%d of event %s (%s) failed", attempt, maxAttempts, event.id(), event.type());
                    if (attempt < maxAttempts) {
                        EventTracing.end(span, "retried", e);
                        pause(backoffMs * attempt);
                        continue;
                    }
                    count(consumer, "failed");
                    LOG.warnf("Event %s (%s) failed %d times in %s, sending it to the dead-letter topic: %s",
                            event.id(), event.type(), maxAttempts, consumer, e.getMessage());
                    EventTracing.end(span, "dead-lettered", e);
                    throw new EventProcessingException("Event " + event.id() + " (" + event.type() + ") failed after "
                            + maxAttempts + " attempts: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The inbox rows of a whole batch in one statement; then the effects of the events seen for the first time. */
    private int applyAll(String consumer, List<IncomingEvent> events, List<Span> spans, String[] outcomes,
                         EventHandler handler) throws Exception {
        Set<UUID> fresh = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id, event_type, topic)
                    select ?, e.id, e.type, e.topic from unnest(?::uuid[], ?::text[], ?::text[]) as e(id, type, topic)
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", events.stream().map(IncomingEvent::id).toArray()));
                insert.setArray(3, connection.createArrayOf("text", events.stream().map(IncomingEvent::type).toArray()));
                insert.setArray(4, connection.createArrayOf("text", events.stream().map(IncomingEvent::topic).toArray()));
                Set<UUID> ids = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
        int applied = 0;
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            if (fresh.remove(event.id())) { // remove: an id twice in one batch applies once
                try (Scope ignored = spans.get(i).makeCurrent()) {
                    handler.handle(event);
                }
                outcomes[i] = "applied";
                applied++;
            }
        }
        if (applied > 0) {
            handler.beforeCommit();
        }
        return applied;
    }

    private Outcome apply(String consumer, IncomingEvent event, EventHandler handler) throws Exception {
        int inserted = em.createNativeQuery("insert into processed_event (consumer, event_id, event_type, topic) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, event.topic())
                .executeUpdate();
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        handler.handle(event);
        handler.beforeCommit();
        return Outcome.APPLIED;
    }

    /** A connection-level failure (database unreachable or restarting), as opposed to a failing effect. */
    static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof org.hibernate.exception.JDBCConnectionException
                    || c instanceof java.sql.SQLTransientConnectionException
                    || c instanceof java.net.ConnectException) {
                return true;
            }
            if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                    || sql.getSQLState().equals("57P03"))) {
                return true;
            }
            if (c.getMessage() != null && c.getMessage().contains("Unable to acquire JDBC Connection")) {
                return true;
            }
        }
        return false;
    }

    private void count(String consumer, String result) {
        count(consumer, result, 1);
    }

    private void count(String consumer, String result, int n) {
        if (n > 0) {
            registry.counter("tic.events.consumed", "consumer", consumer, "result", result).increment(n);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms); // back-off between retries of a failing effect (not a test wait)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
