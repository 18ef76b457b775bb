package org.tic.kpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tic.devinfra.launcher.Infrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Publishes CloudEvents (Kafka binary mode) the way membership-service and project-service do, with a plain producer. */
public final class CloudEvents {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, String> producer;

    private CloudEvents() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close()));
        }
        return producer;
    }

    /** Sends one event with a fresh id; returns the id. */
    public static UUID send(String topic, String key, String type, Object data) {
        UUID id = UUID.randomUUID();
        send(topic, key, type, data, id);
        return id;
    }

    /** Sends one event with the given id (send it twice to test duplicate delivery). */
    public static void send(String topic, String key, String type, Object data, UUID eventId) {
        try {
            sendRaw(topic, key, JSON.writeValueAsString(data), headers(type, key, eventId, topic));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> headers(String type, String key, UUID eventId, String topic) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_specversion", "1.0");
        h.put("ce_id", eventId.toString());
        h.put("ce_type", type);
        h.put("ce_source", topic.startsWith("membership") ? "/tic/membership-service" : "/tic/project-service");
        h.put("ce_subject", key);
        h.put("ce_time", Instant.now().toString());
        h.put("ce_aggregatetype", topic.startsWith("membership") ? "cluster" : "project");
        h.put("content-type", "application/json");
        return h;
    }

    public static void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        RecordHeaders rh = new RecordHeaders();
        headers.forEach((k, v) -> rh.add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(new ProducerRecord<>(topic, null, key, value, rh)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Cluster snapshot as in docs/events.md. */
    public static Map<String, Object> cluster(UUID id, String name, String country, String region, String type,
                                              List<String> sectors, String status, String joinedDate, Integer joinedYear,
                                              UUID successorId, long version) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("slug", name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + id.toString().substring(0, 8));
        c.put("name", name);
        c.put("country", country);
        c.put("subnationalRegion", null);
        c.put("worldRegion", region);
        c.put("type", type);
        c.put("sectors", sectors);
        c.put("coordinatorOrganizationId", null);
        c.put("location", null);
        c.put("status", status);
        c.put("joinedDate", joinedDate);
        c.put("joinedYear", joinedYear);
        c.put("successorId", successorId);
        c.put("version", version);
        c.put("createdAt", Instant.now().toString());
        c.put("updatedAt", Instant.now().toString());
        return c;
    }

    /** A Project snapshot as in docs/events.md. */
    public static Map<String, Object> project(UUID id, String name, String category, UUID lead, List<UUID> participating,
                                              String stage, String stageDate, String fidDate, Double capacity,
                                              String capacityUnit, Double co2e, long version) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("category", category);
        p.put("leadClusterId", lead);
        p.put("participatingClusterIds", participating);
        p.put("countries", List.of("GB"));
        p.put("stage", stage);
        p.put("stageDate", stageDate);
        p.put("fidDate", fidDate);
        p.put("capacity", capacity == null ? null : Map.of("value", capacity, "unit", capacityUnit));
        p.put("estimatedCo2eReduction", co2e == null ? null
                : Map.of("value", co2e, "unit", "MT_CO2E_PER_YEAR", "metricType", "POTENTIAL_REDUCTION"));
        p.put("corridor", participating.size() > 0);
        p.put("version", version);
        p.put("createdAt", Instant.now().toString());
        p.put("updatedAt", Instant.now().toString());
        return p;
    }
}
