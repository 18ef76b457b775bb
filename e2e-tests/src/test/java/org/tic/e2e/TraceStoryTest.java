package org.tic.e2e;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.client.membership.api.ClustersApi;
import org.tic.client.membership.model.Cluster;
import org.tic.client.membership.model.ClusterRequest;
import org.tic.client.membership.model.ClusterType;
import org.tic.client.membership.model.WorldRegion;
import org.tic.devinfra.client.GeneratedClients;
import org.tic.e2e.OtlpReceiver.ReceivedSpan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace from a REST write to every consumer (issue 18): the services run packaged, with tracing on, exporting to
 * an in-memory OTLP receiver. The test starts the trace itself (its {@code traceparent} on the write), so it knows the
 * trace id to read back: membership-service's server span, the relay's publish span of the outbox row, and each
 * consumer's processing — including an event kpi-service retries and then dead-letters, and a poison record.
 */
@ExtendWith(PlatformExtension.class)
class TraceStoryTest {

    private static final String TOPIC = "membership.events";

    @Test
    void aMembershipWriteAndItsEventsAreOneTraceDownToKpiServicesProjection() throws Exception {
        String traceId = hex(16);
        String testSpan = hex(8);
        String traceparent = "00-" + traceId + "-" + testSpan + "-01";
        var client = GeneratedClients.membership(PlatformExtension.platform().service("membership-service").baseUrl(),
                PlatformExtension.secretariat());
        Cluster cluster = new ClustersApi(client).registerCluster(new ClusterRequest().name("Traced port " + UUID.randomUUID())
                .country("NL").worldRegion(WorldRegion.EUROPE).type(ClusterType.PORT).addSectorsItem("hydrogen"),
                Map.of("traceparent", traceparent));
        String clusterId = cluster.getId().toString();

        // The write: membership-service's server span continues the test's trace.
        ReceivedSpan write = span(traceId, "the REST write", s -> s.service().equals("membership-service")
                && s.kind().equals("SPAN_KIND_SERVER"));
        assertEquals(testSpan, write.parentSpanId());
        // The relay's publish of the outbox row, child of the write (the row kept its trace context).
        ReceivedSpan publish = span(traceId, "the relay's publish", s -> s.service().equals("membership-service")
                && s.kind().equals("SPAN_KIND_PRODUCER") && clusterId.equals(s.attribute("tic.event.aggregate_id")));
        assertTrue(publish.name().startsWith(TOPIC));
        String eventId = publish.attribute("messaging.message.id");
        assertEquals("tic.membership.cluster.registered.v1", publish.attribute("tic.event.type"));
        assertTrue(descendsFrom(traceId, publish, write.spanId()), "the publish span descends from the write");
        // Each consumer's processing, child of the publish span, with the event id and the aggregate id.
        for (String consumer : List.of("kpi-service", "project-service", "delivery-service")) {
            ReceivedSpan processed = span(traceId, consumer + " processing the event", s -> s.service().equals(consumer)
                    && s.kind().equals("SPAN_KIND_CONSUMER") && eventId.equals(s.attribute("messaging.message.id"))
                    && "applied".equals(s.attribute("tic.event.outcome")));
            assertEquals(publish.spanId(), processed.parentSpanId(), consumer);
            assertEquals(clusterId, processed.attribute("tic.event.aggregate_id"), consumer);
        }

        // In the same trace, an event whose effect fails in kpi-service (a well-formed snapshot its read model cannot
        // store: a three-letter country code) is tried three times, each attempt a span, the last one dead-letters it;
        // and a record that is not even JSON is dead-lettered at once.
        UUID broken = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        String other = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(other, broken, "{\"cluster\":{\"id\":\"" + other + "\",\"name\":\"Unstorable\","
                    + "\"country\":\"NLD\",\"worldRegion\":\"EUROPE\",\"type\":\"PORT\",\"status\":\"SIGNATORY\","
                    + "\"joinedYear\":2024,\"version\":2}}", traceparent)).get();
            producer.send(record(other, poison, "{not json", traceparent)).get();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ReceivedSpan> attempts = PlatformExtension.traces().trace(traceId).stream()
                    .filter(s -> s.service().equals("kpi-service") && broken.toString().equals(s.attribute("messaging.message.id")))
                    .toList();
            assertTrue(attempts.stream().anyMatch(s -> "retried".equals(s.attribute("tic.event.outcome")) && s.error()),
                    "a retried attempt: " + attempts);
            assertTrue(attempts.stream().anyMatch(s -> "dead-lettered".equals(s.attribute("tic.event.outcome"))
                    && "3".equals(s.attribute("tic.event.attempt")) && s.error()), "the dead-lettering attempt: " + attempts);
            assertTrue(attempts.stream().allMatch(s -> testSpan.equals(s.parentSpanId())), "children of the producer's span");
        });
        span(traceId, "the poison record dead-lettered", s -> s.service().equals("kpi-service")
                && s.kind().equals("SPAN_KIND_CONSUMER") && s.attribute("messaging.message.id") == null
                && "dead-lettered".equals(s.attribute("tic.event.outcome")));

        // The JSON log line of the dead-lettering names the trace (and its span).
        Path log = PlatformExtension.platform().service("kpi-service").log();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains(broken.toString()) && l.contains("dead-letter topic")).toList();
            assertFalse(lines.isEmpty(), "kpi-service logged the dead-lettering");
            assertTrue(lines.stream().allMatch(l -> l.startsWith("{") && l.contains("\"traceId\":\"" + traceId + "\"")
                    && l.contains("\"spanId\":\"")), lines.toString());
        });
    }

    private static ReceivedSpan span(String traceId, String what, java.util.function.Predicate<ReceivedSpan> match) {
        return await().alias(what + " (received: " + PlatformExtension.traces().summary() + ")").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> PlatformExtension.traces().trace(traceId).stream().filter(match).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
    }

    /** Whether a span has the given ancestor in its trace (a framework span may sit between the write and the row). */
    private static boolean descendsFrom(String traceId, ReceivedSpan span, String ancestor) {
        List<ReceivedSpan> trace = PlatformExtension.traces().trace(traceId);
        String parent = span.parentSpanId();
        for (int depth = 0; depth < 20 && !parent.isEmpty(); depth++) {
            if (parent.equals(ancestor)) {
                return true;
            }
            String current = parent;
            parent = trace.stream().filter(s -> s.spanId().equals(current)).map(ReceivedSpan::parentSpanId)
                    .findFirst().orElse("");
        }
        return false;
    }

    private static ProducerRecord<String, String> record(String clusterId, UUID eventId, String data, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", eventId.toString());
        header(headers, "ce_type", "tic.membership.cluster.joined.v1");
        header(headers, "ce_source", "/tic/e2e/trace-story");
        header(headers, "ce_subject", clusterId);
        header(headers, "ce_time", Instant.now().toString());
        header(headers, "ce_aggregatetype", "cluster");
        header(headers, "content-type", "application/json");
        header(headers, "traceparent", traceparent);
        return new ProducerRecord<>(TOPIC, null, clusterId, data, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformExtension.platform().infrastructure().kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
