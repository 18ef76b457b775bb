package org.tic.commons.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tic.commons.event.CloudEventHeaders;
import org.tic.commons.outbox.OutboxWriter;
import org.tic.devinfra.testing.EventProbe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tic.devinfra.testing.EventProbe.header;

/**
 * The transactional outbox on the real broker: what a committed transaction wrote is published once, as a CloudEvent
 * keyed by its aggregate, in write order; what a rolled-back transaction wrote never is.
 */
@QuarkusTest
class OutboxKernelTest {

    private static final String TYPE = "tic.kernel.widget.changed.v1";

    @Inject
    OutboxWriter outbox;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void aCommittedEventIsPublishedAsACloudEventKeyedByItsAggregateAndMarkedPublished() throws Exception {
        String key = UUID.randomUUID().toString();
        try (EventProbe probe = new EventProbe(KernelTestInfrastructure.TOPIC)) {
            UUID id = QuarkusTransaction.requiringNew().call(() ->
                    outbox.record("widget", key, TYPE, Map.of("note", "made"), "kernel-tester"));

            ConsumerRecord<String, String> r = probe.awaitKey(key, 1).get(0);
            assertEquals(id.toString(), header(r, CloudEventHeaders.ID));
            assertEquals(CloudEventHeaders.SPEC_VERSION_VALUE, header(r, CloudEventHeaders.SPEC_VERSION));
            assertEquals(TYPE, header(r, CloudEventHeaders.TYPE));
            assertEquals("/tic/platform-commons-kernel-test", header(r, CloudEventHeaders.SOURCE));
            assertEquals(key, header(r, CloudEventHeaders.SUBJECT));
            assertEquals("widget", header(r, CloudEventHeaders.AGGREGATE_TYPE));
            assertEquals("kernel-tester", header(r, CloudEventHeaders.ACTOR));
            assertNotNull(header(r, CloudEventHeaders.TIME));
            assertEquals("made", json.readTree(r.value()).path("note").asText());
            await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(id) != null);
        }
    }

    @Test
    void aRolledBackEventIsNeverPublishedAndTheOthersKeepTheirWriteOrder() {
        String key = UUID.randomUUID().toString();
        try (EventProbe probe = new EventProbe(KernelTestInfrastructure.TOPIC)) {
            UUID[] rolledBack = new UUID[1];
            // The change after the event fails, so its transaction rolls back with the event.
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                rolledBack[0] = outbox.record("widget", key, TYPE, Map.of("note", "rolled back"), "kernel-tester");
                throw new IllegalStateException("the change fails");
            }));
            List<UUID> committed = QuarkusTransaction.requiringNew().call(() -> outbox.recordAll("widget", TYPE,
                    List.of(new OutboxWriter.Pending(key, Map.of("note", "first")),
                            new OutboxWriter.Pending(key, Map.of("note", "second")),
                            new OutboxWriter.Pending(key, Map.of("note", "third"))), "kernel-tester"));

            List<String> ids = probe.awaitKey(key, 3).stream().map(r -> header(r, CloudEventHeaders.ID)).toList();
            assertEquals(committed.stream().map(UUID::toString).toList(), ids, "the committed three, in write order");
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from outbox_event where event_id = ?1").setParameter(1, rolledBack[0])
                    .getSingleResult()).longValue()), "the rolled-back event left no row to relay");
        }
    }

    private Object publishedAt(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select published_at from outbox_event where event_id = ?1").setParameter(1, eventId).getSingleResult());
    }
}
