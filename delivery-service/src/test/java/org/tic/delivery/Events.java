package org.tic.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Plays the three services in tests: CloudEvents in Kafka binary mode straight onto their topics with a plain
 * producer, so the consumers are exercised as in production.
 */
public final class Events {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private Events() {
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

    /** Publishes one event and waits for the broker's acknowledgement. */
    public static void publish(UUID eventId, String type, String aggregateType, String subject, String actor, ObjectNode data) {
        String service = type.split("\\.")[1];
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_specversion", "1.0");
        h.put("ce_id", eventId.toString());
        h.put("ce_type", type);
        h.put("ce_source", "/tic/" + service + "-service");
        h.put("ce_subject", subject);
        h.put("ce_time", Instant.now().toString());
        h.put("ce_aggregatetype", aggregateType);
        if (actor != null) {
            h.put("ce_actor", actor);
        }
        h.put("content-type", "application/json");
        RecordHeaders headers = new RecordHeaders();
        h.forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        String topic = service + ".events";
        try {
            producer().send(new ProducerRecord<>(topic, null, subject, JSON.writeValueAsString(data), headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    public static UUID clusterEvent(String type, UUID clusterId, long version) {
        UUID id = UUID.randomUUID();
        ObjectNode data = JSON.createObjectNode();
        ObjectNode c = data.putObject("cluster");
        c.put("id", clusterId.toString());
        c.put("name", "Cluster " + clusterId);
        c.put("status", "SIGNATORY");
        c.put("version", version);
        publish(id, type, "cluster", clusterId.toString(), "secretariat-ops", data);
        return id;
    }

    public static UUID applicationEvent(String type, UUID applicationId, UUID clusterId) {
        UUID id = UUID.randomUUID();
        ObjectNode data = JSON.createObjectNode();
        ObjectNode a = data.putObject("application");
        a.put("id", applicationId.toString());
        a.put("clusterId", clusterId.toString());
        a.put("status", "SUBMITTED");
        a.put("version", 1);
        publish(id, type, "application", applicationId.toString(), "coordinator", data);
        return id;
    }

    public static UUID projectEvent(String type, UUID projectId, UUID leadClusterId, UUID participating) {
        UUID id = UUID.randomUUID();
        ObjectNode data = JSON.createObjectNode();
        ObjectNode p = data.putObject("project");
        p.put("id", projectId.toString());
        p.put("name", "Project " + projectId);
        p.put("leadClusterId", leadClusterId.toString());
        p.putArray("participatingClusterIds").add(participating.toString());
        p.put("version", 0);
        publish(id, type, "project", projectId.toString(), "secretariat-ops", data);
        return id;
    }

    public static UUID importCompleted(UUID importId, String uploader) {
        UUID id = UUID.randomUUID();
        ObjectNode data = JSON.createObjectNode();
        data.put("importId", importId.toString());
        data.put("rowsTotal", 2);
        data.put("rowsImported", 2);
        data.put("rowsRejected", 0);
        publish(id, "tic.kpi.import.completed.v1", "kpi-import", importId.toString(), uploader, data);
        return id;
    }
}
