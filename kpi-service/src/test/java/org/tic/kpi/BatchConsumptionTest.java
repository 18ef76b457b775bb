package org.tic.kpi;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.tic.commons.event.EventHandler;
import org.tic.commons.event.IdempotentConsumer;
import org.tic.kpi.service.ClusterProjectionService;
import org.tic.kpi.service.InitiativeTotalsTracker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.kpi.Fixtures.MEMBERSHIP;

/**
 * A polled batch is applied in one transaction; when it fails, one event per transaction, so that only the broken
 * events are rejected (to be dead-lettered alone) and every other one lands exactly once. Driven directly with
 * hand-built records, so the batch's composition is certain (a poll's is up to the broker).
 */
@QuarkusTest
class BatchConsumptionTest {

    private static final String JOINED = "tic.membership.cluster.joined.v1";
    private static final String CONSUMER = "kpi-batch-test";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ClusterProjectionService projection;

    @Inject
    InitiativeTotalsTracker totals;

    private long offset;

    @Test
    void aCleanBatchAppliesEveryNewEventOnceAndSkipsDuplicatesWithinAndAcrossBatches() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID seen = UUID.randomUUID();
        UUID doubled = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        assertEquals(List.of(), consumer.processBatch(CONSUMER, List.of(joined(a, seen, 1)), projection::apply));

        ConsumerRecord<String, String> twice = joined(b, doubled, 1);
        List<IdempotentConsumer.Rejected> rejected = consumer.processBatch(CONSUMER,
                List.of(joined(a, seen, 1), twice, twice, joined(a, fresh, 2)), projection::apply);

        assertEquals(List.of(), rejected);
        assertEquals(2, facts(a), "the redelivered event changed nothing, the new one applied");
        assertEquals(1, facts(b), "an id twice in one batch applies once");
        assertEquals(3, Db.count("select count(*) from processed_event where consumer = '" + CONSUMER
                + "' and event_id in ('" + seen + "', '" + doubled + "', '" + fresh + "')"), "one inbox row per id");
    }

    @Test
    void aPoisonAndAFailingEventAreRejectedAloneAndTheRestOfTheBatchLandsOnce() throws Exception {
        UUID good1 = UUID.randomUUID();
        UUID good2 = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID failingEvent = UUID.randomUUID();
        ConsumerRecord<String, String> poison = record(good1, "{not json", JOINED, UUID.randomUUID());
        ConsumerRecord<String, String> fails = joined(failing, failingEvent, 1);
        List<UUID> handled = new ArrayList<>();
        EventHandler handler = e -> {
            handled.add(e.id());
            if (e.id().equals(failingEvent)) {
                throw new IllegalStateException("effect fails");
            }
            projection.apply(e);
        };

        List<IdempotentConsumer.Rejected> rejected = consumer.processBatch(CONSUMER,
                List.of(joined(good1, UUID.randomUUID(), 1), poison, fails, joined(good2, UUID.randomUUID(), 1)),
                handler);

        assertEquals(List.of(poison, fails), rejected.stream().map(IdempotentConsumer.Rejected::record).toList(),
                "exactly the broken records, in batch order");
        assertEquals(1, facts(good1), "applied once although the first (whole-batch) attempt rolled back");
        assertEquals(1, facts(good2));
        assertEquals(0, facts(failing));
        assertEquals(0, Db.count("select count(*) from processed_event where event_id = '" + failingEvent + "'"),
                "a rejected event is not marked processed: a replay of the dead letter applies it");
        // whole batch once (rolled back), then one by one with the bounded retries (3 attempts for the failing one)
        assertEquals(1 + 3, handled.stream().filter(failingEvent::equals).count());
    }

    @Test
    void aBatchBumpsTheDataVersionOnceAtItsEndNotWhileItsEventsAreApplied() throws Exception {
        long before = Db.count("select data_version from initiative_totals where id = 1");
        List<Boolean> lockedDuringTheBatch = new ArrayList<>();
        EventHandler probing = e -> {
            projection.apply(e);
            // another connection: is the single initiative_totals row locked while the batch goes on? (asked a few
            // times: the scheduled totals check also locks it, for a moment)
            boolean locked = true;
            for (int i = 0; i < 20 && locked; i++) {
                locked = Db.count("select count(*) from (select 1 from initiative_totals where id = 1 "
                        + "for update skip locked) free") == 0;
            }
            lockedDuringTheBatch.add(locked);
        };
        List<IdempotentConsumer.Rejected> rejected = consumer.processBatch(CONSUMER, List.of(
                joined(UUID.randomUUID(), UUID.randomUUID(), 1), joined(UUID.randomUUID(), UUID.randomUUID(), 1),
                joined(UUID.randomUUID(), UUID.randomUUID(), 1)), totals.deferringBumps(probing));

        assertEquals(List.of(), rejected);
        assertEquals(List.of(false, false, false), lockedDuringTheBatch,
                "the row other replicas' batches need is free until the batch commits");
        assertTrue(Db.count("select data_version from initiative_totals where id = 1") > before,
                "the batch bumped the data version (once: other tests' consumers may bump it too)");
    }

    private static long facts(UUID cluster) {
        return Db.count("select count(*) from cluster_status_fact where cluster_id = '" + cluster + "'");
    }

    private ConsumerRecord<String, String> joined(UUID cluster, UUID eventId, long version) throws Exception {
        Map<String, Object> data = Map.of("cluster", CloudEvents.cluster(cluster, "Batch " + cluster.toString().substring(0, 6),
                "ES", "EUROPE", "PORT", List.of("chemicals"), "SIGNATORY", "2024-02-02", 2024, null, version));
        return record(cluster, CloudEvents.JSON.writeValueAsString(data), JOINED, eventId);
    }

    private ConsumerRecord<String, String> record(UUID key, String value, String type, UUID eventId) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(type, key.toString(), eventId, MEMBERSHIP)
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(MEMBERSHIP, 0, offset++, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, -1, key.toString(), value, headers, Optional.empty());
    }
}
