package org.tic.commons.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies an event at most once per consumer: the event id is recorded in {@code processed_event} in the same
 * transaction as the effect, so a redelivered event changes nothing. A failing effect is retried a bounded
 * number of times (each attempt in a fresh transaction); then, or at once for an undecodable event, the
 * exception goes up to the messaging layer, whose dead-letter strategy moves the record to the DLQ topic with
 * the error in its headers, and consumption goes on.
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

    public IdempotentConsumer(EntityManager em, ObjectMapper mapper, MeterRegistry registry,
                              @ConfigProperty(name = "tic.consumer.max-attempts", defaultValue = "3") int maxAttempts,
                              @ConfigProperty(name = "tic.consumer.retry-backoff-ms", defaultValue = "200") long backoffMs) {
        this.em = em;
        this.decoder = new CloudEventDecoder(mapper);
        this.registry = registry;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoffMs = backoffMs;
    }

    /**
     * @param consumer a stable name for this consumer (one per read model), e.g. {@code project-clusters}
     */
    public Outcome process(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        IncomingEvent event;
        try {
            event = decoder.decode(record);
        } catch (PoisonEventException e) {
            count(consumer, "poison");
            LOG.warnf("Poison record %s-%d@%d for %s: %s", record.topic(), record.partition(), record.offset(),
                    consumer, e.getMessage());
            throw e;
        }
        RuntimeException last = null;
        long unavailableWaitMs = backoffMs;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> apply(consumer, event, handler));
                count(consumer, outcome == Outcome.APPLIED ? "applied" : "duplicate");
                return outcome;
            } catch (PoisonEventException e) {
                count(consumer, "poison");
                throw e;
            } catch (RuntimeException e) {
                last = e;
                if (isUnavailable(e) && !Thread.currentThread().isInterrupted()) {
                    // The database is down, not the event broken: this partition waits (the attempt does not count)
                    // until the database is back, instead of dead-lettering a good event.
                    LOG.debugf("Database unavailable while applying %s; waiting %d ms", event.id(), unavailableWaitMs);
                    pause(unavailableWaitMs);
                    unavailableWaitMs = Math.min(unavailableWaitMs * 2, 5_000);
                    attempt--;
                    continue;
                }
                LOG.debugf(e, "Attempt %d/%d of event %s (%s) failed", attempt, maxAttempts, event.id(), event.type());
                if (attempt < maxAttempts) {
                    pause(backoffMs * attempt);
                }
            }
        }
        count(consumer, "failed");
        LOG.warnf("Event %s (%s) failed %d times in %s, sending it to the dead-letter topic: %s",
                event.id(), event.type(), maxAttempts, consumer, last.getMessage());
        throw new EventProcessingException("Event " + event.id() + " (" + event.type() + ") failed after "
                + maxAttempts + " attempts: " + last.getMessage(), last);
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
        registry.counter("tic.events.consumed", "consumer", consumer, "result", result).increment();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms); // back-off between retries of a failing effect (not a test wait)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
