package org.tic.project;

import org.tic.devinfra.testing.EventProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.testing.AsyncApiContract;
import org.tic.project.event.ProjectEventTypes;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.tic.project.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.project.Fixtures.create;
import static org.tic.project.Fixtures.project;
import static org.tic.project.Fixtures.put;
import static org.tic.project.Fixtures.transition;

/**
 * Every project event type arrives on the real broker, with the CloudEvents envelope and the data shape of
 * docs/events.md, and matches the AsyncAPI document (the published contract, served at /asyncapi.yaml).
 */
@QuarkusTest
class ProjectEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The Project snapshot of docs/events.md. */
    private static final Set<String> SNAPSHOT_FIELDS = new TreeSet<>(List.of("id", "name", "category", "leadClusterId",
            "participatingClusterIds", "countries", "stage", "stageDate", "fidDate", "capacity", "estimatedCo2eReduction",
            "corridor", "corridorCommodity", "corridorTransportMode", "version", "createdAt", "updatedAt"));

    private static final AsyncApiContract CONTRACT =
            AsyncApiContract.load(ProjectEventsTest.class.getResourceAsStream("/META-INF/resources/asyncapi.yaml"));

    @Inject
    ReadModelSupport readModel;

    private static UUID lead;
    private static UUID partner;

    @BeforeEach
    void clusters() {
        if (lead == null) {
            lead = readModel.cluster("events-" + UUID.randomUUID(), "Events Cluster", "ES", "SIGNATORY");
            partner = readModel.cluster("events-nl-" + UUID.randomUUID(), "Events Port", "NL", "SIGNATORY");
        }
    }

    @Test
    void eachChangePublishesItsEventWithASnapshot() throws Exception {
        try (EventProbe probe = new EventProbe("project.events")) {
            Map<String, Object> body = project("Events " + UUID.randomUUID(), lead, partner);
            body.put("capacity", Map.of("value", 4.5, "unit", "MT_CO2_PER_YEAR"));
            body.put("estimatedCo2eReduction", Map.of("value", 4.5, "unit", "MT_CO2E_PER_YEAR", "metricType", "POTENTIAL_REDUCTION"));
            body.put("milestones", List.of(Map.of("type", "FINANCIAL_CLOSE", "plannedDate", "2025-04-30")));
            String id = create(body);
            body.remove("milestones");
            body.put("description", "updated");
            put("/api/v1/projects/" + id, body).statusCode(200);
            put("/api/v1/projects/" + id + "/readiness/BUSINESS_MODEL", Map.of("status", "IN_PROGRESS")).statusCode(200);
            transition(id, "FEASIBILITY", "2024-01-10", null).statusCode(201);
            transition(id, "FEED", "2024-06-01", null).statusCode(201);
            transition(id, "FID", "2025-04-24", Map.of("skipReason", "Regulated model")).statusCode(201);

            List<ConsumerRecord<String, String>> records = probe.awaitKey(id, 9);
            assertEquals(List.of(
                    "tic.project.project.created.v1",
                    "tic.project.project.milestone-updated.v1",
                    "tic.project.project.updated.v1",
                    "tic.project.project.readiness-changed.v1",
                    "tic.project.project.stage-changed.v1",
                    "tic.project.project.stage-changed.v1",
                    "tic.project.project.stage-changed.v1",
                    "tic.project.project.milestone-updated.v1",
                    "tic.project.project.reached-fid.v1"), records.stream().map(r -> EventProbe.header(r, "ce_type")).toList());

            long lastVersion = -1;
            Set<String> eventIds = new TreeSet<>();
            for (ConsumerRecord<String, String> r : records) {
                assertEnvelope(r, id);
                assertTrue(eventIds.add(EventProbe.header(r, "ce_id")), "event ids are unique");
                JsonNode project = JSON.readTree(r.value()).path("project");
                assertEquals(SNAPSHOT_FIELDS, fieldNames(project), "snapshot of " + EventProbe.header(r, "ce_type"));
                assertTrue(project.path("version").asLong() >= lastVersion, "versions never go back");
                lastVersion = project.path("version").asLong();
            }

            JsonNode created = data(records.get(0)).path("project");
            assertEquals(id, created.path("id").asText());
            assertEquals("CO2_TRANSPORT_STORAGE", created.path("category").asText());
            assertEquals(lead.toString(), created.path("leadClusterId").asText());
            assertEquals(List.of(partner.toString()), texts(created.path("participatingClusterIds")));
            assertEquals(List.of("ES", "NL"), texts(created.path("countries")));
            assertTrue(created.path("corridor").asBoolean());
            assertEquals("CONCEPT", created.path("stage").asText());
            assertTrue(created.path("stageDate").isNull());
            assertEquals(4.5, created.path("capacity").path("value").asDouble());
            assertEquals("MT_CO2_PER_YEAR", created.path("capacity").path("unit").asText());
            assertEquals("POTENTIAL_REDUCTION", created.path("estimatedCo2eReduction").path("metricType").asText());
            assertEquals(0, created.path("version").asLong());

            JsonNode milestone = data(records.get(1)).path("milestone");
            assertEquals("FINANCIAL_CLOSE", milestone.path("type").asText());
            assertEquals("2025-04-30", milestone.path("plannedDate").asText());

            assertEquals(1, data(records.get(2)).path("project").path("version").asLong());
            JsonNode readiness = data(records.get(3)).path("readiness");
            assertEquals("IN_PROGRESS", readiness.path("level").asText());
            assertFalse(readiness.path("complete").asBoolean());

            JsonNode firstMove = data(records.get(4));
            assertEquals("CONCEPT", firstMove.path("from").asText());
            assertEquals("FEASIBILITY", firstMove.path("to").asText());
            assertEquals("2024-01-10", firstMove.path("date").asText());
            assertFalse(firstMove.has("skipped"), "skipped only when stages were skipped");
            JsonNode toFid = data(records.get(6));
            assertEquals("FEED", toFid.path("from").asText());
            assertEquals("FID", toFid.path("to").asText());
            assertEquals(List.of("BANKABLE"), texts(toFid.path("skipped")));
            assertEquals("FID", toFid.path("project").path("stage").asText());
            assertEquals("2025-04-24", toFid.path("project").path("fidDate").asText());
            assertEquals("FID", data(records.get(7)).path("milestone").path("type").asText());
            assertEquals("2025-04-24", data(records.get(7)).path("milestone").path("actualDate").asText());
            JsonNode fid = data(records.get(8));
            assertEquals("2025-04-24", fid.path("date").asText());
            assertEquals(fieldNames(JSON.readTree("{\"project\":1,\"date\":1}")), fieldNames(fid));
        }
    }

    @Test
    void cancellingPublishesStageChangedThenCancelledWithTheReason() throws Exception {
        try (EventProbe probe = new EventProbe("project.events")) {
            String id = create(project("Cancelled " + UUID.randomUUID(), lead));
            transition(id, "CANCELLED", "2025-02-01", Map.of("note", "Offtaker withdrew")).statusCode(201);

            List<ConsumerRecord<String, String>> records = probe.awaitKey(id, 3);
            assertEquals(List.of("tic.project.project.created.v1", "tic.project.project.stage-changed.v1",
                    "tic.project.project.cancelled.v1"), records.stream().map(r -> EventProbe.header(r, "ce_type")).toList());
            records.forEach(r -> assertEnvelope(r, id));
            JsonNode cancelled = data(records.get(2));
            assertEquals("2025-02-01", cancelled.path("date").asText());
            assertEquals("Offtaker withdrew", cancelled.path("reason").asText());
            assertEquals("CANCELLED", cancelled.path("project").path("stage").asText());
            assertEquals(new TreeSet<>(List.of("project", "date", "reason")), fieldNames(cancelled));
        }
    }

    @Test
    void everyTypeIsDocumentedInTheAsyncApiWithAValidExample() throws Exception {
        assertEquals(Map.of(), CONTRACT.exampleViolations());
        Set<String> declared = new TreeSet<>();
        for (Field f : ProjectEventTypes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof String s && s.startsWith("tic.")) {
                declared.add(s);
            }
        }
        assertEquals(declared, new TreeSet<>(CONTRACT.documentedTypes()));
        given().get("/asyncapi.yaml").then().statusCode(200).body(containsString("asyncapi: 3.0.0"));
        // the contract is not vacuous: a snapshot without its version, or an unknown stage, is refused
        assertFalse(CONTRACT.violations(ProjectEventTypes.UPDATED, "{\"project\": {\"id\": \"x\"}}").isEmpty());
        assertFalse(CONTRACT.violations(ProjectEventTypes.REACHED_FID, "{\"project\": null, \"date\": \"2025-01-01\"}").isEmpty());
    }

    private static void assertEnvelope(ConsumerRecord<String, String> r, String id) {
        assertEquals(id, r.key(), "keyed by the project id");
        assertEquals("1.0", EventProbe.header(r, "ce_specversion"));
        assertEquals("/tic/project-service", EventProbe.header(r, "ce_source"));
        assertEquals(id, EventProbe.header(r, "ce_subject"));
        assertEquals("project", EventProbe.header(r, "ce_aggregatetype"));
        assertEquals("application/json", EventProbe.header(r, "content-type"));
        UUID.fromString(EventProbe.header(r, "ce_id"));
        Instant.parse(EventProbe.header(r, "ce_time"));
        assertEquals(List.of(), CONTRACT.violations(EventProbe.header(r, "ce_type"), r.value()),
                "matches the AsyncAPI contract: " + r.value());
    }

    private static JsonNode data(ConsumerRecord<String, String> r) throws Exception {
        return JSON.readTree(r.value());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
