package org.tic.kpi;

import org.tic.devinfra.testing.EventProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.kpi.Api.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kpi.events, as they really arrive on the broker through the outbox. */
@QuarkusTest
class KpiEventsTest {

    @Test
    void reportsAndCorrectionsArePublishedInOrderKeyedByTheirSeries() throws Exception {
        UUID cluster = Fixtures.signatory("Events Cluster", "JP", 2023);
        try (EventProbe probe = new EventProbe("kpi.events")) {
            String id = Fixtures.report(Fixtures.co2e(cluster, "2.5", "MT_CO2E_PER_YEAR", "AVOIDED", "2025-01-22"));
            String corrected = given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                    .body(Map.of("reason", "unit error", "report",
                            Fixtures.co2e(cluster, "250", "KT_CO2E_PER_YEAR", "AVOIDED", "2025-02-01")))
                    .post("/api/v1/kpi-reports/" + id + "/corrections").then().statusCode(201).extract().path("id");

            List<ConsumerRecord<String, String>> records = probe.awaitKey(id, 2);
            ConsumerRecord<String, String> reported = records.get(0);
            ConsumerRecord<String, String> superseded = records.get(1);

            assertEquals("1.0", EventProbe.header(reported, "ce_specversion"));
            assertEquals("tic.kpi.report.reported.v1", EventProbe.header(reported, "ce_type"));
            assertEquals("/tic/kpi-service", EventProbe.header(reported, "ce_source"));
            assertEquals(id, EventProbe.header(reported, "ce_subject"));
            assertEquals("kpi-report", EventProbe.header(reported, "ce_aggregatetype"));
            assertEquals("application/json", EventProbe.header(reported, "content-type"));
            UUID.fromString(EventProbe.header(reported, "ce_id"));
            Instant.parse(EventProbe.header(reported, "ce_time"));
            JsonNode report = CloudEvents.JSON.readTree(reported.value()).get("report");
            assertEquals(id, report.get("id").asText());
            assertEquals("AVOIDED", report.at("/co2e/metricType").asText());
            assertEquals(cluster.toString(), report.get("clusterId").asText());

            assertEquals("tic.kpi.report.superseded.v1", EventProbe.header(superseded, "ce_type"));
            assertEquals(id, superseded.key(), "all versions of a value share its series key, so they stay in order");
            JsonNode data = CloudEvents.JSON.readTree(superseded.value());
            assertEquals(id, data.get("supersededId").asText());
            assertEquals(corrected, data.at("/report/id").asText());
            assertEquals(2, data.at("/report/revision").asInt());
            assertEquals("0.25", data.at("/report/normalised/value").asText());
        }
    }

    @Test
    void initiativeTotalsChangedIsPublishedWhenTheTotalsMoveAndOnlyThen() throws Exception {
        UUID cluster = Fixtures.signatory("Totals Cluster", "TH", 2025);
        // A metric of its own, so other test classes' reports do not move this total.
        String name = "events test " + UUID.randomUUID().toString().substring(0, 8);
        String key = "OTHER|" + name + "|COUNT";
        Map<String, Object> other = Fixtures.jobs(cluster, "4321", "2025-01-22");
        other.remove("jobs");
        other.put("metric", "OTHER");
        other.put("metricName", name);
        other.put("unit", "COUNT");
        try (EventProbe probe = new EventProbe("kpi.events")) {
            Fixtures.report(other);
            List<ConsumerRecord<String, String>> changed = probe.awaitRecords(rs -> rs.stream()
                    .anyMatch(r -> "initiative".equals(r.key()) && r.value().contains(key)), Duration.ofSeconds(60));
            ConsumerRecord<String, String> event = changed.stream()
                    .filter(r -> "initiative".equals(r.key()) && r.value().contains(key)).findFirst().orElseThrow();
            assertEquals("tic.kpi.initiative.totals-changed.v1", EventProbe.header(event, "ce_type"));
            assertEquals("initiative", EventProbe.header(event, "ce_aggregatetype"));
            JsonNode data = CloudEvents.JSON.readTree(event.value());
            assertTrue(data.get("asOf").isTextual());
            assertTrue(data.get("signatoryClusters").asInt() >= 1);
            assertTrue(data.get("countries").asInt() >= 1);
            JsonNode metric = data.get("metrics").get(key);
            assertEquals("COUNT", metric.get("unit").asText());
            assertEquals(4321, metric.get("total").asInt());
            assertEquals(1, metric.get("clustersReporting").asInt());
            assertTrue(metric.get("summable").asBoolean());
        }
        // A change that leaves the totals as they are (a rename) announces nothing.
        long before = Db.count("select count(*) from outbox_event where event_type = 'tic.kpi.initiative.totals-changed.v1'");
        UUID eventId = CloudEvents.send(Fixtures.MEMBERSHIP, cluster.toString(), "tic.membership.cluster.updated.v1",
                Map.of("cluster", CloudEvents.cluster(cluster, "Totals Cluster renamed", "TH", "ASIA_PACIFIC",
                        "INDUSTRIAL_COMPLEX", List.of("chemicals"), "SIGNATORY", null, 2025, null, 3)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("select count(*) from processed_event where event_id = '" + eventId + "'") == 1);
        // The totals are checked shortly after the change, in their own transaction: wait for that check.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("select count(*) from initiative_totals where checked_version >= data_version") == 1);
        assertEquals(before, Db.count("select count(*) from outbox_event where event_type = 'tic.kpi.initiative.totals-changed.v1'"),
                "a rename does not change the totals");
    }
}
