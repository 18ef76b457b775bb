package org.tic.commons.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Write → outbox row → publish → process as one trace, with the SDK's in-memory exporter (no Quarkus). */
class EventTracingTest {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
    private final EventTracing tracing = new EventTracing(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void theWritePublishAndProcessingOfAnEventAreOneTrace() {
        Span write = sdk.getTracer("test").spanBuilder("POST /api/v1/clusters").setSpanKind(SpanKind.SERVER).startSpan();
        EventTracing.TraceContext stored;
        try (Scope ignored = write.makeCurrent()) {
            stored = tracing.current();
        } finally {
            write.end();
        }
        assertEquals("00-" + write.getSpanContext().getTraceId() + "-" + write.getSpanContext().getSpanId() + "-01",
                stored.traceparent());

        UUID eventId = UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        Span publish = tracing.publish("membership.events", eventId.toString(), "tic.membership.cluster.joined.v1",
                "cluster", "c-1", stored, headers);
        EventTracing.end(publish, "acknowledged", null);
        assertEquals(stored.traceparent(), header(headers, EventTracing.CE_TRACEPARENT), "the creation context");
        assertTrue(header(headers, EventTracing.TRACEPARENT).contains(publish.getSpanContext().getSpanId()),
                "traceparent names the publish span");

        Span process = tracing.process("kpi-clusters", event(eventId), headers, 1);
        EventTracing.end(process, "applied", null);

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(3, spans.size());
        assertTrue(spans.stream().allMatch(s -> s.getTraceId().equals(write.getSpanContext().getTraceId())));
        SpanData published = find(spans, SpanKind.PRODUCER);
        SpanData processed = find(spans, SpanKind.CONSUMER);
        assertEquals(write.getSpanContext().getSpanId(), published.getParentSpanId());
        assertEquals(published.getSpanId(), processed.getParentSpanId());
        assertEquals(eventId.toString(), processed.getAttributes().get(EventTracing.EVENT_ID));
        assertEquals("c-1", processed.getAttributes().get(EventTracing.AGGREGATE_ID));
        assertEquals("c-1", published.getAttributes().get(EventTracing.AGGREGATE_ID));
        assertEquals("applied", processed.getAttributes().get(EventTracing.OUTCOME));
    }

    @Test
    void aRecordWithOnlyTheCloudEventsExtensionStillJoinsItsTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventTracing.CE_TRACEPARENT, ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

        EventTracing.end(tracing.process("kpi-clusters", event(UUID.randomUUID()), headers, 2), "retried",
                new IllegalStateException("effect failed"));

        SpanData span = exporter.getFinishedSpanItems().get(0);
        assertEquals(traceId, span.getTraceId());
        assertEquals("00f067aa0ba902b7", span.getParentSpanId());
        assertEquals(2L, span.getAttributes().get(EventTracing.ATTEMPT));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    }

    @Test
    void aPoisonRecordIsADeadLetteredSpanOfItsTrace() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventTracing.TRACEPARENT, ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));

        tracing.poison("kpi-clusters", "membership.events", headers, new PoisonEventException("data is not JSON"));

        SpanData span = exporter.getFinishedSpanItems().get(0);
        assertEquals(traceId, span.getTraceId());
        assertEquals("dead-lettered", span.getAttributes().get(EventTracing.OUTCOME));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertFalse(span.getEvents().isEmpty(), "the exception is recorded");
    }

    @Test
    void anUntracedWriteStoresNothingAndItsPublishStartsATrace() {
        EventTracing.TraceContext stored = tracing.current();
        assertNull(stored.traceparent());

        RecordHeaders headers = new RecordHeaders();
        EventTracing.end(tracing.publish("kpi.events", UUID.randomUUID().toString(), "t", "kpi-report", "r-1", stored,
                headers), "acknowledged", null);

        assertNull(headers.lastHeader(EventTracing.CE_TRACEPARENT));
        SpanData span = exporter.getFinishedSpanItems().get(0);
        assertFalse(span.getParentSpanContext().isValid(), "a root span");
        assertTrue(header(headers, EventTracing.TRACEPARENT).contains(span.getTraceId()));
    }

    private static IncomingEvent event(UUID id) {
        return new IncomingEvent(id, "tic.membership.cluster.joined.v1", "membership-service", "c-1", "cluster",
                Instant.now(), null, JsonNodeFactory.instance.objectNode(), "membership.events", 0, 42L);
    }

    private static SpanData find(List<SpanData> spans, SpanKind kind) {
        return spans.stream().filter(s -> s.getKind() == kind).findFirst().orElseThrow();
    }

    private static String header(RecordHeaders headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
