package org.tic.commons.kernel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.tic.commons.event.CloudEventHeaders;
import org.tic.commons.event.IdempotentConsumer;
import org.tic.commons.outbox.OutboxWriter;
import org.tic.devinfra.launcher.Infrastructure;
import org.tic.devinfra.testing.EventProbe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tic.devinfra.testing.EventProbe.header;

/**
 * The idempotent consumer on the real broker and database: an event is applied once however often it arrives, its
 * processed mark and its effect commit or roll back together, and one that can never apply (undecodable, poison, or
 * still failing after the bounded retries) goes to the dead-letter topic alone while the rest goes on.
 */
@QuarkusTest
class IdempotentConsumerKernelTest {

    private static final String TYPE = "tic.kernel.widget.changed.v1";

    @Inject
    OutboxWriter outbox;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager em;

    @Inject
    KernelEventsConsumer effect;

    @Test
    void fromTheOutboxThroughKafkaAnEventIsAppliedOnceEvenWhenDeliveredAgain() {
        String key = UUID.randomUUID().toString();
        UUID id = QuarkusTransaction.requiringNew().call(() ->
                outbox.record("widget", key, TYPE, Map.of("note", "once"), "kernel-tester"));
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(id) == 1);

        // The same event again, as a redelivery after a lost acknowledgement would bring it.
        ConsumerRecord<String, String> published;
        try (EventProbe probe = new EventProbe(KernelTestInfrastructure.TOPIC)) {
            send(key, id, "{\"note\":\"once\"}");
            published = probe.awaitKey(key, 1).get(0);
        }
        // Behind the redelivery on its partition (same key): once this one applied, the redelivery was consumed.
        UUID after = QuarkusTransaction.requiringNew().call(() ->
                outbox.record("widget", key, TYPE, Map.of("note", "after"), "kernel-tester"));
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(after) == 1);
        assertEquals(id.toString(), header(published, CloudEventHeaders.ID));
        assertEquals(1, effects(id), "the redelivered event changed nothing");
        assertEquals(1, processedMarks(id));
    }

    @Test
    void aPoisonAndAFailingEventGoToTheDeadLetterTopicAloneAndNeitherLeavesAMark() {
        String key = UUID.randomUUID().toString();
        try (EventProbe dlq = new EventProbe(KernelTestInfrastructure.DLQ)) {
            UUID undecodable = UUID.randomUUID();
            send(key, undecodable, "{not json");
            UUID poison = QuarkusTransaction.requiringNew().call(() ->
                    outbox.record("widget", key, TYPE, Map.of("note", "poison"), "kernel-tester"));
            UUID failing = QuarkusTransaction.requiringNew().call(() ->
                    outbox.record("widget", key, TYPE, Map.of("note", "fail"), "kernel-tester"));
            UUID good = QuarkusTransaction.requiringNew().call(() ->
                    outbox.record("widget", key, TYPE, Map.of("note", "good"), "kernel-tester"));

            List<String> dead = dlq.awaitRecords(rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= 3,
                    Duration.ofSeconds(90)).stream().filter(r -> key.equals(r.key()))
                    .map(r -> header(r, CloudEventHeaders.ID)).toList();
            assertEquals(List.of(undecodable.toString(), poison.toString(), failing.toString()), dead,
                    "exactly the three broken ones, in partition order");
            await().atMost(Duration.ofSeconds(60)).until(() -> effects(good) == 1);
            for (UUID broken : List.of(undecodable, poison, failing)) {
                assertEquals(0, effects(broken));
                assertEquals(0, processedMarks(broken), "not marked: a replay of the dead letter can still apply it");
            }
        }
    }

    @Test
    void aFailingEffectRollsBackItsProcessedMarkSoALaterDeliveryStillApplies() {
        UUID id = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ConsumerRecord<String, String> fails = record(key, id, "{\"note\":\"fail\"}");
        List<IdempotentConsumer.Rejected> rejected = consumer.processBatch("commons-kernel-direct", List.of(fails),
                effect::apply);
        assertEquals(1, rejected.size());
        assertEquals(0, processedMarks("commons-kernel-direct", id));

        // Fixed upstream (or replayed from the dead letters once the bug is fixed): the same id now applies, once.
        ConsumerRecord<String, String> fixed = record(key, id, "{\"note\":\"fixed\"}");
        assertEquals(List.of(), consumer.processBatch("commons-kernel-direct", List.of(fixed, fixed), effect::apply));
        assertEquals(List.of(), consumer.processBatch("commons-kernel-direct", List.of(fixed), effect::apply));
        assertEquals(1, effects(id));
        assertEquals(1, processedMarks("commons-kernel-direct", id));
    }

    private long effects(UUID eventId) {
        return count("select count(*) from kernel_effect where event_id = ?1", eventId);
    }

    private long processedMarks(UUID eventId) {
        return processedMarks(KernelEventsConsumer.CONSUMER, eventId);
    }

    private long processedMarks(String consumerName, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumerName).setParameter(2, eventId).getSingleResult()).longValue());
    }

    private long count(String sql, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, eventId).getSingleResult()).longValue());
    }

    private static Map<String, String> headers(String key, UUID id) {
        return Map.of(CloudEventHeaders.ID, id.toString(), CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                CloudEventHeaders.TYPE, TYPE, CloudEventHeaders.SOURCE, "/tic/platform-commons-kernel-test",
                CloudEventHeaders.SUBJECT, key, CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.AGGREGATE_TYPE, "widget", CloudEventHeaders.CONTENT_TYPE, "application/json");
    }

    /** Straight onto the topic, past the outbox: a redelivery, or a record no outbox would write. */
    private static void send(String key, UUID id, String value) {
        ProducerRecord<String, String> r = new ProducerRecord<>(KernelTestInfrastructure.TOPIC, key, value);
        headers(key, id).forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                Infrastructure.shared().kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerRecord<String, String> record(String key, UUID id, String value) {
        org.apache.kafka.common.header.internals.RecordHeaders h = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers(key, id).forEach((k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(KernelTestInfrastructure.TOPIC, 0, 0, System.currentTimeMillis(),
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, -1, -1, key, value, h, java.util.Optional.empty());
    }
}
