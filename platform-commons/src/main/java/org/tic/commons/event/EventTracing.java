package org.tic.commons.event;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One trace from a REST write to every consumer of its events. The writer keeps the write's W3C trace context with the
 * outbox row ({@link #current}); the relay publishes each row in a PRODUCER span, child of that context, and puts the
 * span's context in the record's {@code traceparent} header (what Kafka instrumentations read) while
 * {@code ce_traceparent} keeps the context the event was created in (CloudEvents' distributed-tracing extension);
 * a consumer processes each event in a CONSUMER span, child of the publish span. The spans carry the event id and
 * the aggregate id, so a trace search by either finds the whole story.
 * <p>W3C propagation is used explicitly (not whatever propagators are configured): the outbox column and the
 * headers are defined as W3C trace context.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** CloudEvents distributed-tracing extension attributes, binary mode on Kafka. */
    public static final String CE_TRACEPARENT = "ce_traceparent";
    public static final String CE_TRACESTATE = "ce_tracestate";

    public static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("messaging.message.id");
    public static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("tic.event.type");
    public static final AttributeKey<String> AGGREGATE_ID = AttributeKey.stringKey("tic.event.aggregate_id");
    public static final AttributeKey<String> AGGREGATE_TYPE = AttributeKey.stringKey("tic.event.aggregate_type");
    public static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("messaging.consumer.group.name");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("tic.event.outcome");
    public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("tic.event.attempt");
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** A W3C trace context as stored with an outbox row; both null when the write was not traced. */
    public record TraceContext(String traceparent, String tracestate) {
        static final TraceContext NONE = new TraceContext(null, null);
    }

    private final Tracer tracer;

    @Inject
    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.tic.commons.event");
    }

    /** The trace context of the caller (the REST write), to store with the events it records. */
    public TraceContext current() {
        if (!Span.current().getSpanContext().isValid()) {
            return TraceContext.NONE;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /**
     * Starts the relay's PRODUCER span of one outbox row, child of the write's stored context (a root span when the
     * write was not traced), and writes the trace headers of its record. The caller ends the span when the broker
     * answered ({@link #end}).
     */
    public Span publish(String topic, String eventId, String eventType, String aggregateType, String aggregateId,
                        TraceContext stored, Headers headers) {
        Span span = tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent(stored))
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "publish")
                .setAttribute(EVENT_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType)
                .setAttribute(AGGREGATE_TYPE, aggregateType)
                .setAttribute(AGGREGATE_ID, aggregateId)
                .startSpan();
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.root().with(span), carrier, Map::put);
        put(headers, TRACEPARENT, carrier.get(TRACEPARENT));
        put(headers, TRACESTATE, carrier.get(TRACESTATE));
        put(headers, CE_TRACEPARENT, stored.traceparent());
        put(headers, CE_TRACESTATE, stored.tracestate());
        return span;
    }

    /**
     * Starts a consumer's CONSUMER span for one event (one attempt of it), child of the publish span named by the
     * record's {@code traceparent} (else its {@code ce_traceparent}). The caller makes it current while the effect
     * runs, so logs carry its trace and span ids, and ends it with the outcome.
     */
    public Span process(String consumer, IncomingEvent event, Headers headers, int attempt) {
        return consumerSpan(consumer, event.topic(), headers)
                .setAttribute(EVENT_ID, event.id().toString())
                .setAttribute(EVENT_TYPE, event.type())
                .setAttribute(AGGREGATE_TYPE, event.aggregateType() == null ? "" : event.aggregateType())
                .setAttribute(AGGREGATE_ID, event.subject() == null ? "" : event.subject())
                .setAttribute(PARTITION, (long) event.partition())
                .setAttribute(OFFSET, event.offset())
                .setAttribute(ATTEMPT, (long) attempt)
                .startSpan();
    }

    /** A record that could not even be decoded: a CONSUMER span of its own, marked dead-lettered. */
    public void poison(String consumer, String topic, Headers headers, Exception error) {
        end(consumerSpan(consumer, topic, headers).startSpan(), "dead-lettered", error);
    }

    /** A CONSUMER span of a record of topic, child of the span its trace headers name. */
    private SpanBuilder consumerSpan(String consumer, String topic, Headers headers) {
        return tracer.spanBuilder(topic + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(W3C.extract(Context.root(), headers, HEADERS))
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "process")
                .setAttribute(CONSUMER, consumer);
    }

    /** Ends a span with the outcome (applied, duplicate, retried, dead-lettered) and the error, if any. */
    public static void end(Span span, String outcome, Throwable error) {
        span.setAttribute(OUTCOME, outcome);
        if (error != null) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        }
        span.end();
    }

    private static Context parent(TraceContext stored) {
        if (stored.traceparent() == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, stored.traceparent());
        if (stored.tracestate() != null) {
            carrier.put(TRACESTATE, stored.tracestate());
        }
        return W3C.extract(Context.root(), carrier, MAP);
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The Kafka record's trace headers; {@code ce_traceparent} when a producer set only the CloudEvents one. */
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Headers carrier, String key) {
            if (carrier == null) {
                return null;
            }
            Header header = carrier.lastHeader(key);
            if (header == null) {
                header = carrier.lastHeader("ce_" + key);
            }
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
