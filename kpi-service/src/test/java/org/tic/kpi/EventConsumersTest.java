package org.tic.kpi;

import org.tic.devinfra.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.kpi.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.kpi.Fixtures.MEMBERSHIP;
import static org.tic.kpi.Fixtures.PROJECTS;

/** membership.events and project.events, published with a plain producer, build the read models. */
@QuarkusTest
class EventConsumersTest {

    private static final String JOINED = "tic.membership.cluster.joined.v1";

    @Test
    void aJoinedClusterKnownOnlyByYearIsASignatoryFromFirstJanuary() {
        UUID id = UUID.randomUUID();
        send(id, "tic.membership.cluster.registered.v1", Map.of("cluster", cluster(id, "APPLICANT", null, null, 1)));
        send(id, JOINED, Map.of("cluster", cluster(id, "SIGNATORY", null, 2023, 2), "applicationId", UUID.randomUUID()));
        Fixtures.awaitCluster(id, "SIGNATORY");
        given().get("/api/v1/clusters/" + id + "/kpis").then().statusCode(200)
                .body("statusHistory", org.hamcrest.Matchers.hasSize(1))
                .body("statusHistory[0].validFrom", equalTo("2023-01-01"))
                .body("statusHistory[0].origin", equalTo("JOINED_YEAR"))
                .body("countedInInitiativeTotals", equalTo(true));
        given().get("/api/v1/clusters/" + id + "/kpis?asOf=2022-12-31").then().statusCode(200)
                .body("status", nullValue())
                .body("countedInInitiativeTotals", equalTo(false));
    }

    @Test
    void suspensionAndReinstatementFollowTheirEffectiveDatesWhateverTheArrivalOrder() {
        UUID id = UUID.randomUUID();
        // version 3 arrives before version 2: the history is rebuilt from versions, not arrival order
        send(id, "tic.membership.cluster.reinstated.v1", Map.of("cluster", cluster(id, "SIGNATORY", "2022-05-24", 2022, 4),
                "reason", "back", "effectiveDate", "2024-03-01"));
        send(id, "tic.membership.cluster.suspended.v1", Map.of("cluster", cluster(id, "SUSPENDED", "2022-05-24", 2022, 3),
                "reason", "no reports", "effectiveDate", "2023-06-01"));
        send(id, JOINED, Map.of("cluster", cluster(id, "SIGNATORY", "2022-05-24", 2022, 2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/clusters/" + id + "/kpis").then().statusCode(200)
                        .body("statusHistory.status", contains("SIGNATORY", "SUSPENDED", "SIGNATORY"))
                        .body("statusHistory.validFrom", contains("2022-05-24", "2023-06-01", "2024-03-01")));
        given().get("/api/v1/clusters/" + id + "/kpis?asOf=2023-12-31").then()
                .body("status", equalTo("SUSPENDED")).body("countedInInitiativeTotals", equalTo(false));
        given().get("/api/v1/clusters/" + id + "/kpis?asOf=2024-03-01").then()
                .body("status", equalTo("SIGNATORY")).body("countedInInitiativeTotals", equalTo(true));
    }

    @Test
    void aDuplicateDeliveryHasOneEffect() {
        UUID id = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Map<String, Object> data = Map.of("cluster", cluster(id, "SIGNATORY", "2024-02-02", 2024, 2));
        CloudEvents.send(MEMBERSHIP, id.toString(), JOINED, data, eventId);
        CloudEvents.send(MEMBERSHIP, id.toString(), JOINED, data, eventId);
        // A later event proves both copies have been consumed (same key: same partition, in order).
        send(id, "tic.membership.cluster.updated.v1", Map.of("cluster", cluster(id, "SIGNATORY", "2024-02-02", 2024, 3)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("select count(*) from cluster_status_fact where cluster_id = '" + id + "'") == 2);
        assertEquals(1, Db.count("select count(*) from processed_event where consumer = 'kpi-membership' and event_id = '"
                + eventId + "'"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("tic_events_consumed_total")
                && l.contains("consumer=\"kpi-membership\"") && l.contains("result=\"duplicate\"")), "duplicates counted");
    }

    @Test
    void aMergeEndsThePredecessorsAndStartsTheSuccessorOnTheMergeDate() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID joint = UUID.randomUUID();
        send(a, JOINED, Map.of("cluster", cluster(a, "SIGNATORY", null, 2025, 2)));
        send(b, JOINED, Map.of("cluster", cluster(b, "SIGNATORY", null, 2025, 2)));
        send(joint, "tic.membership.clusters.merged.v1", Map.of(
                "mergeId", UUID.randomUUID(),
                "successor", cluster(joint, "SIGNATORY", "2025-09-01", 2025, 2),
                "predecessors", List.of(cluster(a, "MERGED", null, 2025, 3), cluster(b, "MERGED", null, 2025, 3)),
                "effectiveDate", "2025-09-01",
                "reason", "Cartagena partners formed one joint cluster"));
        Fixtures.awaitCluster(joint, "SIGNATORY");
        Fixtures.awaitCluster(a, "MERGED");
        given().get("/api/v1/clusters/" + a + "/kpis").then()
                .body("mergedInto", equalTo(joint.toString()))
                .body("countedInInitiativeTotals", equalTo(false))
                .body("statusHistory.status", contains("SIGNATORY", "MERGED"))
                .body("statusHistory[1].validFrom", equalTo("2025-09-01"));
        given().get("/api/v1/clusters/" + a + "/kpis?asOf=2025-08-31").then()
                .body("countedInInitiativeTotals", equalTo(true)).body("mergedInto", nullValue());
        given().get("/api/v1/clusters/" + joint + "/kpis?asOf=2025-08-31").then()
                .body("countedInInitiativeTotals", equalTo(false));
        given().get("/api/v1/clusters/" + joint + "/kpis?asOf=2025-09-01").then()
                .body("countedInInitiativeTotals", equalTo(true));
    }

    @Test
    void projectSnapshotsApplyOnlyWhenNewer() {
        UUID lead = Fixtures.signatory("Project Lead Cluster", "GB", 2021);
        UUID p = UUID.randomUUID();
        sendProject(p, "tic.project.project.created.v1", Map.of("project",
                CloudEvents.project(p, "Liverpool Bay CCS", "CO2_TRANSPORT_STORAGE", lead, List.of(), "FEED", "2024-01-01",
                        null, 4.5, "MT_CO2_PER_YEAR", 4.5, 1)));
        sendProject(p, "tic.project.project.reached-fid.v1", Map.of("project",
                CloudEvents.project(p, "Liverpool Bay CCS", "CO2_TRANSPORT_STORAGE", lead, List.of(), "FID", "2025-04-24",
                        "2025-04-24", 4.5, "MT_CO2_PER_YEAR", 4.5, 3), "date", "2025-04-24"));
        // a replayed older snapshot changes nothing
        sendProject(p, "tic.project.project.stage-changed.v1", Map.of("project",
                CloudEvents.project(p, "Liverpool Bay CCS", "CO2_TRANSPORT_STORAGE", lead, List.of(), "BANKABLE", "2024-10-01",
                        null, 4.5, "MT_CO2_PER_YEAR", 4.5, 2), "from", "FEED", "to", "BANKABLE", "date", "2024-10-01"));
        UUID marker = UUID.randomUUID();
        sendProject(marker, "tic.project.project.created.v1", Map.of("project",
                CloudEvents.project(marker, "Marker", "OTHER", lead, List.of(), "CONCEPT", null, null, null, null, null, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("select count(*) from project_record where id = '" + marker + "'") == 1
                        && Db.count("select count(*) from processed_event where consumer = 'kpi-projects' and event_type like '%stage-changed%'") >= 1);
        assertEquals(1, Db.count("select count(*) from project_record where id = '" + p + "' and stage = 'FID' and version = 3 "
                + "and fid_date = '2025-04-24' and capacity_value = 4.5 and co2e_metric_type = 'POTENTIAL_REDUCTION'"));

        sendProject(p, "tic.project.project.cancelled.v1", Map.of("project",
                CloudEvents.project(p, "Liverpool Bay CCS", "CO2_TRANSPORT_STORAGE", lead, List.of(), "CANCELLED", "2025-12-01",
                        "2025-04-24", 4.5, "MT_CO2_PER_YEAR", 4.5, 4), "date", "2025-11-30", "reason", "test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count("select count(*) from project_record where id = '" + p
                + "' and cancelled_on = '2025-11-30'") == 1);
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        try (EventProbe dlq = new EventProbe("kpi-service.dlq")) {
            UUID id = UUID.randomUUID();
            // not JSON
            CloudEvents.sendRaw(MEMBERSHIP, id.toString(), "{not json", CloudEvents.headers(JOINED, id.toString(),
                    UUID.randomUUID(), MEMBERSHIP));
            // a cluster snapshot without a version
            Map<String, Object> broken = new java.util.HashMap<>(cluster(id, "SIGNATORY", null, 2024, 1));
            broken.remove("version");
            send(id, JOINED, Map.of("cluster", broken));
            send(id, JOINED, Map.of("cluster", cluster(id, "SIGNATORY", null, 2024, 2)));

            List<ConsumerRecord<String, String>> dead = dlq.awaitKey(id.toString(), 2);
            assertEquals(2, dead.size());
            assertTrue(dead.stream().allMatch(r -> r.headers().lastHeader("dead-letter-reason") != null));
            Fixtures.awaitCluster(id, "SIGNATORY");
        }
    }

    @Test
    void eventsThisServiceDoesNotNeedAreAcknowledgedAndIgnored() {
        UUID org = UUID.randomUUID();
        UUID eventId = CloudEvents.send(MEMBERSHIP, org.toString(), "tic.membership.organization.created.v1",
                Map.of("organization", Map.of("id", org, "name", "Eni UK", "kind", "COMPANY", "version", 1)));
        UUID v2 = CloudEvents.send(MEMBERSHIP, org.toString(), "tic.membership.cluster.joined.v2", Map.of("whatever", 1));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("select count(*) from processed_event where event_id in ('" + eventId + "', '" + v2 + "')") == 2);
        assertEquals(0, Db.count("select count(*) from cluster_record where id = '" + org + "'"));
    }

    private static void send(UUID key, String type, Map<String, Object> data) {
        CloudEvents.send(MEMBERSHIP, key.toString(), type, data);
    }

    private static void sendProject(UUID key, String type, Map<String, Object> data) {
        CloudEvents.send(PROJECTS, key.toString(), type, data);
    }

    private static Map<String, Object> cluster(UUID id, String status, String joinedDate, Integer joinedYear, long version) {
        return CloudEvents.cluster(id, "Cluster " + id.toString().substring(0, 6), "ES", "EUROPE", "PORT",
                List.of("chemicals", "shipping"), status, joinedDate, joinedYear, null, version);
    }
}
