package org.tic.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tic.devinfra.launcher.Infrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Plays membership-service in tests: publishes CloudEvents (Kafka binary mode, as docs/events.md describes) straight
 * to membership.events with a plain producer, so the consumer is exercised exactly as in production.
 */
public final class MembershipEvents {

    public static final String TOPIC = "membership.events";
    public static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private MembershipEvents() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        return producer;
    }

    /** The standard headers of an event; tests remove or change some to make poison. */
    public static Map<String, String> headers(UUID eventId, String type, String subject) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_specversion", "1.0");
        h.put("ce_id", eventId.toString());
        h.put("ce_type", type);
        h.put("ce_source", "/tic/membership-service");
        h.put("ce_subject", subject);
        h.put("ce_time", Instant.now().toString());
        h.put("ce_aggregatetype", type.contains(".organization.") ? "organization" : "cluster");
        h.put("content-type", "application/json");
        return h;
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static void send(String key, Map<String, String> headers, String value) {
        RecordHeaders h = new RecordHeaders();
        headers.forEach((k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(new ProducerRecord<>(TOPIC, null, key, value, h)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + TOPIC, e);
        }
    }

    /** Publishes an event with a fresh id; returns the id. */
    public static UUID publish(String type, UUID aggregateId, Object data) {
        UUID id = UUID.randomUUID();
        publish(id, type, aggregateId, data);
        return id;
    }

    public static void publish(UUID eventId, String type, UUID aggregateId, Object data) {
        try {
            send(aggregateId.toString(), headers(eventId, type, aggregateId.toString()), JSON.writeValueAsString(data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A Cluster snapshot shaped as in docs/events.md. */
    public static ObjectNode cluster(UUID id, String slug, String name, String country, String status, long version) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id.toString());
        c.put("slug", slug);
        c.put("name", name);
        c.put("country", country);
        c.put("subnationalRegion", (String) null);
        c.put("worldRegion", "EUROPE");
        c.put("type", "INDUSTRIAL_COMPLEX");
        ArrayNode sectors = c.putArray("sectors");
        sectors.add("chemicals");
        c.putNull("coordinatorOrganizationId");
        ObjectNode location = c.putObject("location");
        location.put("latitude", 53.4);
        location.put("longitude", -2.9);
        c.put("status", status);
        c.putNull("joinedDate");
        c.put("joinedYear", 2021);
        c.putNull("successorId");
        c.put("version", version);
        c.put("createdAt", "2025-01-01T00:00:00Z");
        c.put("updatedAt", Instant.now().toString());
        return c;
    }

    public static ObjectNode wrap(String field, ObjectNode snapshot) {
        ObjectNode data = JSON.createObjectNode();
        data.set(field, snapshot);
        return data;
    }

    public static ObjectNode organization(UUID id, String name, long version) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id.toString());
        o.put("name", name);
        o.put("kind", "COMPANY");
        o.put("country", "GB");
        o.putArray("sectors").add("energy");
        o.put("website", "https://example.org");
        o.put("version", version);
        o.put("createdAt", "2025-01-01T00:00:00Z");
        o.put("updatedAt", Instant.now().toString());
        return o;
    }
}
