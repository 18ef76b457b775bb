package org.tic.project;

import org.tic.devinfra.testing.EventProbe;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.project.MembershipEvents.cluster;
import static org.tic.project.MembershipEvents.organization;
import static org.tic.project.MembershipEvents.publish;
import static org.tic.project.MembershipEvents.wrap;

/**
 * The read model of clusters and organizations, fed through the real broker: idempotent (the same event twice has
 * one effect), version-gated (a stale snapshot never overwrites), and poison records go to the dead-letter topic
 * while consumption goes on. This is also the platform's proof of IdempotentConsumer and the DLQ strategy.
 */
@QuarkusTest
class MembershipReadModelTest {

    private static final String REGISTERED = "tic.membership.cluster.registered.v1";
    private static final String UPDATED = "tic.membership.cluster.updated.v1";
    private static final String DLQ = "project-service.dlq";

    @Inject
    ReadModelSupport db;

    @Inject
    MeterRegistry registry;

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        UUID id = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ObjectNode v1 = cluster(id, "dup-" + id, "Original name", "GB", "SIGNATORY", 1);
        publish(eventId, REGISTERED, id, wrap("cluster", v1));
        db.awaitProcessed(eventId);
        Object[] before = db.cluster(id);
        double duplicatesBefore = duplicates();

        // Redelivered as is, and redelivered with content that claims a newer version: both are the same event id.
        publish(eventId, REGISTERED, id, wrap("cluster", v1));
        publish(eventId, REGISTERED, id, wrap("cluster", cluster(id, "dup-" + id, "Changed by a redelivery", "GB", "SIGNATORY", 9)));
        // Records of one key are consumed in order: once this later event is processed, so are the redeliveries.
        awaitSentinel(id);

        assertEquals(1, db.processedRows(eventId), "processed_event records the event once");
        Object[] after = db.cluster(id);
        assertEquals("Original name", after[0]);
        assertEquals(1L, ((Number) after[1]).longValue());
        assertEquals(before[4], after[4], "the row was not touched again");
        assertEquals(duplicatesBefore + 2, duplicates(), 0.0, "both redeliveries were seen and dropped");
    }

    @Test
    void aStaleSnapshotDoesNotOverwriteANewerOne() {
        UUID id = UUID.randomUUID();
        String slug = "stale-" + id;
        UUID v3 = publish(UPDATED, id, wrap("cluster", cluster(id, slug, "Version three", "GB", "SIGNATORY", 3)));
        db.awaitProcessed(v3);
        UUID v2 = publish(UPDATED, id, wrap("cluster", cluster(id, slug, "Version two", "GB", "SUSPENDED", 2)));
        UUID v3again = publish(UPDATED, id, wrap("cluster", cluster(id, slug, "Version three again", "GB", "SIGNATORY", 3)));
        db.awaitProcessed(v2);
        db.awaitProcessed(v3again);

        Object[] row = db.cluster(id);
        assertEquals("Version three", row[0], "neither a lower nor an equal version replaces the snapshot");
        assertEquals(3L, ((Number) row[1]).longValue());
        assertEquals("SIGNATORY", row[2]);

        UUID v4 = publish(UPDATED, id, wrap("cluster", cluster(id, slug, "Version four", "GB", "SUSPENDED", 4)));
        db.awaitProcessed(v4);
        assertEquals("Version four", db.cluster(id)[0]);
        given().get("/api/v1/clusters/" + id).then().statusCode(200)
                .body("name", equalTo("Version four")).body("status", equalTo("SUSPENDED")).body("version", equalTo(4));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        UUID id = UUID.randomUUID();
        String key = id.toString();
        try (EventProbe dlq = new EventProbe(DLQ)) {
            UUID badJsonId = UUID.randomUUID();
            MembershipEvents.send(key, MembershipEvents.headers(badJsonId, REGISTERED, key), "{\"cluster\": {not json");
            Map<String, String> noId = MembershipEvents.headers(UUID.randomUUID(), REGISTERED, key);
            noId.remove("ce_id");
            MembershipEvents.send(key, noId, "{\"cluster\": {}}");
            UUID good = publish(REGISTERED, id, wrap("cluster", cluster(id, "after-poison-" + id, "After the poison", "GB", "SIGNATORY", 1)));

            List<ConsumerRecord<String, String>> dead = dlq.awaitKey(key, 2);
            assertEquals(2, dead.size());
            for (ConsumerRecord<String, String> r : dead) {
                assertEquals("membership.events", EventProbe.header(r, "dead-letter-topic"));
                assertNotNull(EventProbe.header(r, "dead-letter-partition"));
                assertNotNull(EventProbe.header(r, "dead-letter-offset"));
                assertEquals("org.tic.commons.event.PoisonEventException", EventProbe.header(r, "dead-letter-exception-class-name"));
                assertEquals(REGISTERED, EventProbe.header(r, "ce_type"), "the original headers travel with the record");
            }
            assertTrue(EventProbe.header(dead.get(0), "dead-letter-reason").contains("not JSON"),
                    EventProbe.header(dead.get(0), "dead-letter-reason"));
            assertEquals("{\"cluster\": {not json", dead.get(0).value(), "the original value is kept for operators");
            assertTrue(EventProbe.header(dead.get(1), "dead-letter-reason").contains("ce_id"),
                    EventProbe.header(dead.get(1), "dead-letter-reason"));
            assertEquals(0, db.processedRows(badJsonId));

            db.awaitProcessed(good);
            assertEquals("After the poison", db.cluster(id)[0]);
        }
    }

    @Test
    void anEffectThatKeepsFailingIsRetriedThenDeadLettered() {
        UUID id = UUID.randomUUID();
        String key = id.toString();
        try (EventProbe dlq = new EventProbe(DLQ)) {
            // Valid JSON the database refuses (slug longer than its column): a failure of the effect, not of decoding.
            UUID failing = publish(REGISTERED, id, wrap("cluster", cluster(id, "x".repeat(300), "Too long", "GB", "SIGNATORY", 1)));
            UUID good = publish(UPDATED, id, wrap("cluster", cluster(id, "recovered-" + id, "Recovered", "GB", "SIGNATORY", 2)));

            ConsumerRecord<String, String> dead = dlq.awaitKey(key, 1).get(0);
            assertTrue(EventProbe.header(dead, "dead-letter-reason").contains("failed after 3 attempts"),
                    EventProbe.header(dead, "dead-letter-reason"));
            assertEquals("org.tic.commons.event.EventProcessingException", EventProbe.header(dead, "dead-letter-exception-class-name"));
            assertEquals(failing.toString(), EventProbe.header(dead, "ce_id"));

            db.awaitProcessed(good);
            assertEquals(0, db.processedRows(failing), "a failed effect leaves no processed_event row behind");
            assertEquals("Recovered", db.cluster(id)[0]);
        }
    }

    @Test
    void aMergeStoresTheSuccessorAndThePredecessorsWithTheirSuccessorLink() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID successor = UUID.randomUUID();
        db.awaitProcessed(publish(REGISTERED, a, wrap("cluster", cluster(a, "merge-a-" + a, "Cluster A", "CO", "SIGNATORY", 1))));
        db.awaitProcessed(publish(REGISTERED, b, wrap("cluster", cluster(b, "merge-b-" + b, "Cluster B", "CO", "SIGNATORY", 1))));

        ObjectNode predecessorA = cluster(a, "merge-a-" + a, "Cluster A", "CO", "MERGED", 2);
        predecessorA.put("successorId", successor.toString());
        ObjectNode predecessorB = cluster(b, "merge-b-" + b, "Cluster B", "CO", "MERGED", 2); // successorId left out
        ObjectNode data = MembershipEvents.JSON.createObjectNode();
        data.put("mergeId", UUID.randomUUID().toString());
        data.set("successor", cluster(successor, "merge-joint-" + successor, "Joint cluster", "CO", "SIGNATORY", 1));
        data.putArray("predecessors").add(predecessorA).add(predecessorB);
        data.put("effectiveDate", "2025-10-30");
        data.put("reason", "Joint governance model");
        UUID merged = publish("tic.membership.clusters.merged.v1", successor, data);
        db.awaitProcessed(merged);

        assertEquals("SIGNATORY", db.cluster(successor)[2]);
        for (UUID predecessor : List.of(a, b)) {
            Object[] row = db.cluster(predecessor);
            assertEquals("MERGED", row[2]);
            assertEquals(successor, row[3]);
        }
        // A late event of a predecessor from before the merge (its own partition) does not undo it.
        UUID late = publish(UPDATED, a, wrap("cluster", cluster(a, "merge-a-" + a, "Cluster A renamed", "CO", "SIGNATORY", 1)));
        db.awaitProcessed(late);
        assertEquals("MERGED", db.cluster(a)[2]);
        given().get("/api/v1/clusters/" + a).then().statusCode(200)
                .body("currentClusterId", equalTo(successor.toString()));
    }

    @Test
    void organizationsAreUpsertedByVersionAndStayDeleted() {
        UUID id = UUID.randomUUID();
        db.awaitProcessed(publish("tic.membership.organization.created.v1", id, wrap("organization", organization(id, "Org v1", 1))));
        db.awaitProcessed(publish("tic.membership.organization.updated.v1", id, wrap("organization", organization(id, "Org v2", 2))));
        assertEquals("Org v2", db.organization(id)[0]);

        ObjectNode deleted = MembershipEvents.JSON.createObjectNode().put("organizationId", id.toString());
        db.awaitProcessed(publish("tic.membership.organization.deleted.v1", id, deleted));
        UUID late = publish("tic.membership.organization.updated.v1", id, wrap("organization", organization(id, "Org v3", 3)));
        db.awaitProcessed(late);
        Object[] row = db.organization(id);
        assertEquals(Boolean.TRUE, row[2], "a deleted organization is not resurrected by a later snapshot");
        assertEquals("Org v2", row[0]);
    }

    @Test
    void replayingTheEventsInAnotherInterleavingGivesTheSameState() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Object[]> history = new ArrayList<>(); // {id, type, data}
        for (UUID id : ids) {
            String slug = "replay-" + id;
            history.add(new Object[]{id, REGISTERED, wrap("cluster", cluster(id, slug, "Applicant", "NL", "APPLICANT", 1))});
            history.add(new Object[]{id, "tic.membership.cluster.joined.v1", wrap("cluster", cluster(id, slug, "Signatory", "NL", "SIGNATORY", 2))});
            history.add(new Object[]{id, "tic.membership.cluster.suspended.v1", wrap("cluster", cluster(id, slug, "Suspended", "NL", "SUSPENDED", 3))});
        }
        List<UUID> first = new ArrayList<>();
        for (Object[] e : history) {
            first.add(publish((String) e[1], (UUID) e[0], e[2]));
        }
        first.forEach(db::awaitProcessed);
        List<String> state = ids.stream().map(this::state).toList();

        // A rebuild re-reads the same snapshots; simulate one that bypasses dedupe (new event ids) and arrives in
        // reverse order across and within aggregates: the version gate alone must give the same state.
        List<Object[]> reversed = new ArrayList<>(history);
        Collections.reverse(reversed);
        List<UUID> second = new ArrayList<>();
        for (Object[] e : reversed) {
            second.add(publish((String) e[1], (UUID) e[0], e[2]));
        }
        second.forEach(db::awaitProcessed);
        assertEquals(state, ids.stream().map(this::state).toList());
        assertTrue(state.get(0).startsWith("Suspended|3|SUSPENDED"), state.get(0));
    }

    @Test
    void eventsOutsideTheReadModelAreRecordedAndIgnored() {
        UUID id = UUID.randomUUID();
        UUID other = publish("tic.membership.application.submitted.v1", id,
                MembershipEvents.JSON.createObjectNode().putObject("application").put("id", id.toString()));
        UUID future = publish("tic.membership.cluster.registered.v2", id, wrap("cluster", cluster(id, "v2-" + id, "From v2", "GB", "SIGNATORY", 1)));
        db.awaitProcessed(other);
        db.awaitProcessed(future);
        assertNull(db.cluster(id), "a .v2 type is not read as .v1");
    }

    private String state(UUID id) {
        Object[] r = db.cluster(id);
        return r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3];
    }

    private void awaitSentinel(UUID key) {
        UUID sentinel = publish("tic.membership.application.review-started.v1", key,
                MembershipEvents.JSON.createObjectNode().putObject("application").put("id", key.toString()));
        db.awaitProcessed(sentinel);
    }

    private double duplicates() {
        var c = registry.find("tic.events.consumed").tag("consumer", "project-membership").tag("result", "duplicate").counter();
        return c == null ? 0 : c.count();
    }

}
