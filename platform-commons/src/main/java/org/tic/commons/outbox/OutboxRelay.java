package org.tic.commons.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;
import org.tic.commons.event.CloudEventHeaders;
import org.tic.commons.event.EventTracing;
import io.opentelemetry.api.trace.Span;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka ({@code acks=all}, idempotent producer, keyed by aggregate id) and marks them
 * published only after the broker acknowledged them. While Kafka is down rows wait; when it is back they go
 * out in id order, which per aggregate is commit order (writers of one aggregate are serialised by its
 * optimistic lock).
 * <p>
 * Several replicas may run this at once: each round takes a PostgreSQL transaction-level advisory lock, so
 * one replica relays at a time and order per aggregate holds. A crash between send and commit re-sends the
 * round: delivery is at-least-once, and consumers drop duplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_BASE = 0x5449435F4F555458L; // "TIC_OUTX"

    private final EntityManager em;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final MeterRegistry registry;
    private final Map<String, Object> kafkaDefaults;
    private final EventTracing tracing;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private Producer<String, byte[]> producer;
    private Counter published;
    private Counter failures;
    private long lastBacklogCheck;

    public OutboxRelay(EntityManager em, OutboxConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       MeterRegistry registry,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults,
                       EventTracing tracing, Clock clock) {
        this.clock = clock;
        this.kafkaDefaults = kafkaDefaults;
        this.tracing = tracing;
        this.em = em;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        String topic = config.topic();
        Gauge.builder("tic.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows waiting to be published").tag("topic", topic).register(registry);
        Gauge.builder("tic.outbox.oldest.pending.age", oldestPendingAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox row").baseUnit("seconds").tag("topic", topic)
                .register(registry);
        published = Counter.builder("tic.outbox.published").tag("topic", topic).register(registry);
        failures = Counter.builder("tic.outbox.publish.failures").tag("topic", topic).register(registry);
        if (!config.relay().enabled()) {
            LOG.warn("Outbox relay disabled (tic.outbox.relay.enabled=false): events stay in the outbox");
            return;
        }
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Finishes the batch in flight, then stops (graceful shutdown). */
    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release();
        Thread t = worker;
        if (t != null) {
            try {
                t.join(config.relay().deliveryTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** A local commit wrote outbox rows: relay now rather than at the next poll. */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp.release();
    }

    private void loop() {
        long backoffMs = 0;
        boolean failing = false;
        while (running) {
            try {
                RoundResult result = relayRound();
                updateBacklog(false);
                if (result.failed() > 0) {
                    throw new IllegalStateException(result.failed() + " event(s) not acknowledged by Kafka", result.error());
                }
                if (failing) {
                    LOG.info("Outbox relay recovered");
                    failing = false;
                }
                backoffMs = 0;
                if (result.sent() >= config.relay().batchSize()) {
                    continue;
                }
                wakeUp.tryAcquire(config.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!failing) {
                    LOG.warnf("Outbox relay cannot publish now, will retry: %s", rootMessage(e));
                    failing = true;
                }
                backoffMs = Math.min(Math.max(200, backoffMs * 2), config.relay().maxBackoff().toMillis());
                try {
                    updateBacklog(true);
                } catch (Exception ignored) {
                    // the database may be the thing that is down
                }
                try {
                    if (running) {
                        wakeUp.tryAcquire(backoffMs, TimeUnit.MILLISECONDS);
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private record RoundResult(int sent, int failed, Exception error) {
    }

    /** One round: lock, read a batch in id order, send, await the acknowledgements, mark what was acknowledged. */
    RoundResult relayRound() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) (config.relay().deliveryTimeout().toSeconds() * 2 + 30))
                .call(() -> {
                    Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                            .setParameter(1, LOCK_BASE ^ config.topic().hashCode())
                            .getSingleResult();
                    if (!Boolean.TRUE.equals(locked)) {
                        return new RoundResult(0, 0, null); // another replica is relaying
                    }
                    // Read-only: the rows are only read, then marked by one statement below, so Hibernate keeps no
                    // snapshot of each payload to dirty-check (the relay was a quarter of an import's CPU).
                    List<OutboxEvent> batch = em.createQuery(
                                    "select e from OutboxEvent e where e.publishedAt is null order by e.id", OutboxEvent.class)
                            .setHint(HibernateHints.HINT_READ_ONLY, true)
                            .setMaxResults(config.relay().batchSize())
                            .getResultList();
                    if (batch.isEmpty()) {
                        return new RoundResult(0, 0, null);
                    }
                    List<Future<RecordMetadata>> futures = new ArrayList<>(batch.size());
                    List<Span> spans = new ArrayList<>(batch.size());
                    Exception error = null;
                    for (OutboxEvent e : batch) {
                        RecordHeaders headers = headers(e);
                        Span span = tracing.publish(e.topic, e.eventId.toString(), e.eventType, e.aggregateType,
                                e.aggregateId, new EventTracing.TraceContext(e.traceParent, e.traceState), headers);
                        try {
                            Future<RecordMetadata> future = producer.send(new ProducerRecord<>(e.topic, null,
                                    e.occurredAt.toEpochMilli(), e.aggregateId, e.payload.getBytes(StandardCharsets.UTF_8),
                                    headers));
                            // The client reports some failures (e.g. no metadata while the broker is down) as an
                            // already failed future. Sending on would put later events of the same aggregate on
                            // the broker before this one, so the round stops here.
                            if (future.isDone()) {
                                future.get();
                            }
                            futures.add(future);
                            spans.add(span);
                        } catch (Exception sendFailure) {
                            EventTracing.end(span, "not-sent", sendFailure);
                            error = sendFailure;
                            break;
                        }
                    }
                    List<Long> acknowledged = new ArrayList<>();
                    Set<String> blockedAggregates = new HashSet<>();
                    long waitMs = config.relay().deliveryTimeout().toMillis() + 5_000;
                    for (int i = 0; i < futures.size(); i++) {
                        OutboxEvent e = batch.get(i);
                        try {
                            futures.get(i).get(waitMs, TimeUnit.MILLISECONDS);
                            // A later event of an aggregate whose earlier event failed stays unpublished too.
                            if (!blockedAggregates.contains(e.aggregateId)) {
                                acknowledged.add(e.id);
                            }
                            EventTracing.end(spans.get(i), "acknowledged", null);
                        } catch (ExecutionException | TimeoutException failure) {
                            blockedAggregates.add(e.aggregateId);
                            error = failure;
                            EventTracing.end(spans.get(i), "not-acknowledged", failure);
                        }
                    }
                    if (!acknowledged.isEmpty()) {
                        markPublished(acknowledged);
                        published.increment(acknowledged.size());
                    }
                    int failed = batch.size() - acknowledged.size();
                    if (failed > 0) {
                        failures.increment(failed);
                    }
                    return new RoundResult(batch.size(), failed, error);
                });
    }

    /**
     * One statement with one array parameter, whatever the batch size: an {@code in (:ids)} list is expanded into
     * as many parameters as ids, so each batch size was a new statement to parse and plan.
     */
    private void markPublished(List<Long> ids) {
        Instant now = clock.instant();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "update outbox_event set published_at = ? where id = any(?)")) {
                ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                ps.executeUpdate();
            }
        });
    }

    private RecordHeaders headers(OutboxEvent e) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, e.eventId.toString());
        header(headers, CloudEventHeaders.TYPE, e.eventType);
        header(headers, CloudEventHeaders.SOURCE, config.source());
        header(headers, CloudEventHeaders.SUBJECT, e.aggregateId);
        header(headers, CloudEventHeaders.TIME, e.occurredAt.toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        header(headers, CloudEventHeaders.AGGREGATE_TYPE, e.aggregateType);
        if (e.actor != null) {
            header(headers, CloudEventHeaders.ACTOR, e.actor);
        }
        return headers; // the trace headers are added with the publish span
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Backlog gauges, refreshed at most every few seconds (a cheap query on the partial index). */
    private void updateBacklog(boolean force) {
        long now = System.currentTimeMillis();
        if (!force && now - lastBacklogCheck < 5_000) {
            return;
        }
        lastBacklogCheck = now;
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0) "
                                + "from outbox_event where published_at is null")
                .getSingleResult());
        pending.set(((Number) row[0]).longValue());
        oldestPendingAgeSeconds.set(((Number) row[1]).longValue());
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        // Connection settings shared with the messaging channels (security.protocol, sasl.*, ssl.*, ...): Quarkus
        // collects every kafka.* property (env vars included) in this bean, so a TLS/SCRAM broker works here too.
        kafkaDefaults.forEach((k, v) -> p.put(k, String.valueOf(v)));
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.topic());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        int deliveryMs = (int) config.relay().deliveryTimeout().toMillis();
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryMs));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(10_000, deliveryMs)));
        // While the broker is down, fail fast instead of blocking the relay for a minute on metadata.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        return p;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
