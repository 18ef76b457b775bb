package org.tic.membership;

import org.tic.devinfra.testing.EventProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.launcher.Infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.tic.membership.Api.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transactional outbox, end to end on the real broker. */
@QuarkusTest
class OutboxEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void aWriteBecomesACloudEventKeyedByTheAggregateId() throws Exception {
        try (EventProbe probe = new EventProbe("membership.events")) {
            String id = createOrganization("Outbox Probe Ltd");

            ConsumerRecord<String, String> r = probe.awaitKey(id, 1).get(0);

            assertEquals(id, r.key());
            assertEquals("1.0", EventProbe.header(r, "ce_specversion"));
            assertEquals("tic.membership.organization.created.v1", EventProbe.header(r, "ce_type"));
            assertEquals("/tic/membership-service", EventProbe.header(r, "ce_source"));
            assertEquals(id, EventProbe.header(r, "ce_subject"));
            assertEquals("organization", EventProbe.header(r, "ce_aggregatetype"));
            assertEquals("application/json", EventProbe.header(r, "content-type"));
            UUID.fromString(EventProbe.header(r, "ce_id"));
            Instant.parse(EventProbe.header(r, "ce_time"));
            JsonNode data = JSON.readTree(r.value());
            assertEquals("Outbox Probe Ltd", data.path("organization").path("name").asText());
            assertEquals("COMPANY", data.path("organization").path("kind").asText());
        }
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndTheirEventsArriveInOrderAfterItRestarts() throws Exception {
        Infrastructure infra = Infrastructure.shared();
        try (EventProbe probe = new EventProbe("membership.events")) {
            Map<String, List<String>> expectedNames = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                String name = "Before outage " + i;
                expectedNames.put(createOrganization(name), new ArrayList<>(List.of(name)));
            }
            infra.kafka().kill();
            try {
                for (int i = 0; i < 5; i++) {
                    String name = "During outage " + i;
                    expectedNames.put(createOrganization(name), new ArrayList<>(List.of(name)));
                }
                for (var entry : expectedNames.entrySet()) {
                    for (int v = 1; v <= 4; v++) {
                        String name = entry.getValue().get(0) + " v" + v;
                        given().contentType(ContentType.JSON)
                                .body(Map.of("name", name, "kind", "COMPANY", "country", "GB"))
                                .put("/api/v1/organizations/" + entry.getKey())
                                .then().statusCode(200);
                        entry.getValue().add(name);
                    }
                }
                // Nothing can have been published while the broker is gone.
                long pending = pendingEvents();
                assertTrue(pending >= 45, "events wait in the outbox, found " + pending);
            } finally {
                infra.kafka().start();
            }

            int expectedTotal = expectedNames.values().stream().mapToInt(List::size).sum();
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(rs -> distinctIds(rs, expectedNames.keySet()) >= expectedTotal,
                    Duration.ofSeconds(120));

            for (var entry : expectedNames.entrySet()) {
                List<String> names = new ArrayList<>();
                Set<String> seenIds = new HashSet<>();
                for (ConsumerRecord<String, String> r : records) {
                    // at-least-once: a re-sent event carries the same ce_id; consumers drop it
                    if (entry.getKey().equals(r.key()) && seenIds.add(EventProbe.header(r, "ce_id"))) {
                        names.add(JSON.readTree(r.value()).path("organization").path("name").asText());
                    }
                }
                assertEquals(entry.getValue(), names, "events of " + entry.getKey() + " lost or out of order");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingEvents() == 0);
        }
    }

    private long pendingEvents() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where published_at is null").getSingleResult()).longValue());
    }

    private static long distinctIds(List<ConsumerRecord<String, String>> records, Set<String> keys) {
        return records.stream().filter(r -> keys.contains(r.key())).map(r -> EventProbe.header(r, "ce_id")).distinct().count();
    }

    private static String createOrganization(String name) {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "COMPANY", "country", "GB"))
                .post("/api/v1/organizations")
                .then().statusCode(201)
                .extract().path("id");
        assertNotNull(id);
        return id;
    }
}
