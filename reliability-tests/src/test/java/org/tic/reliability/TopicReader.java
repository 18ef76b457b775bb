package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads topics from the beginning with a plain KafkaConsumer (no group, no commits), as an outside observer:
 * every call to {@link #catchUp()} reads up to the end offsets of that moment and keeps what it read.
 */
public final class TopicReader implements AutoCloseable {

    /** One record as a consumer sees it: the CloudEvents headers, the key, the data and the snapshot version. */
    public record Event(String topic, int partition, long offset, String key, String id, String type, String subject,
                        String aggregateType, String data, long version) {

        public JsonNode json() {
            try {
                return Http.JSON.readTree(data);
            } catch (IOException e) {
                return Http.JSON.nullNode();
            }
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    public TopicReader(String bootstrap, Collection<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(20))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads everything up to the current end of every partition; returns all events read so far. */
    public synchronized List<Event> catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!reached(end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                events.add(toEvent(r));
            }
        }
        return List.copyOf(events);
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp, Duration.ofSeconds(20)) < end.getOrDefault(tp, 0L)) {
                return false;
            }
        }
        return true;
    }

    static Event toEvent(ConsumerRecord<String, String> r) {
        return new Event(r.topic(), r.partition(), r.offset(), r.key(), header(r, "ce_id"), header(r, "ce_type"),
                header(r, "ce_subject"), header(r, "ce_aggregatetype"), r.value(), versionOf(r.value()));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The snapshot's optimistic-lock version (revision for KPI reports), or -1 when the event carries none. */
    static long versionOf(String data) {
        if (data == null) {
            return -1;
        }
        try {
            JsonNode d = Http.JSON.readTree(data);
            for (String field : List.of("cluster", "organization", "application", "project", "policyAdoption", "successor")) {
                JsonNode v = d.path(field).path("version");
                if (v.isNumber()) {
                    return v.asLong();
                }
            }
            JsonNode revision = d.path("report").path("revision");
            return revision.isNumber() ? revision.asLong() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
