package org.tic.bench;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Raw Kafka end-to-end latency on the benchmark's broker: a producer with the outbox relay's settings (acks=all,
 * idempotent, linger 2 ms, keyed) sends event-sized records at a constant rate; a consumer with default fetch
 * settings (like the services' consumers) receives them; latency = receive time − intended send time (one JVM,
 * one clock). The floor under scenario 4's lag.
 */
final class KafkaProbe {

    static final String TOPIC = "bench.probe";

    record Result(double rate, long sent, long received, double p50, double p90, double p99, double max) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rate", rate);
            m.put("sent", sent);
            m.put("received", received);
            m.put("p50Ms", Load.round(p50));
            m.put("p90Ms", Load.round(p90));
            m.put("p99Ms", Load.round(p99));
            m.put("maxMs", Load.round(max));
            return m;
        }
    }

    private KafkaProbe() {
    }

    static Result run(String bootstrap, double rate, Duration warmup, Duration duration) {
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        pp.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-probe-" + UUID.randomUUID());
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Histogram h = new Histogram(600_000_000L, 3);
        AtomicLong received = new AtomicLong();
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long assignDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < assignDeadline) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            long start = System.nanoTime() + 100_000_000L;
            long measureFrom = start + warmup.toNanos();
            long end = measureFrom + duration.toNanos();
            long expected = (long) Math.floor(duration.toNanos() / 1e9 * rate);
            Thread sender = new Thread(() -> {
                byte[] padding = new byte[1200]; // about an event's size (CloudEvent headers + JSON snapshot)
                for (long k = 0; ; k++) {
                    long intended = start + (long) (k * 1e9 / rate);
                    if (intended >= end) {
                        break;
                    }
                    long now = System.nanoTime();
                    while (now < intended) {
                        LockSupport.parkNanos(intended - now);
                        now = System.nanoTime();
                    }
                    ByteBuffer b = ByteBuffer.allocate(8 + padding.length).putLong(intended).put(padding);
                    producer.send(new ProducerRecord<>(TOPIC, "aggregate-" + (k % 64), b.array()));
                }
                producer.flush();
            }, "kafka-probe-sender");
            sender.setDaemon(true);
            sender.start();
            long deadline = end + Duration.ofSeconds(30).toNanos();
            long measured = 0;
            while (System.nanoTime() < deadline && (sender.isAlive() || measured < expected)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    long intended = ByteBuffer.wrap(r.value()).getLong();
                    if (intended >= measureFrom && intended < end) {
                        h.recordValue(Math.max(1, (now - intended) / 1000));
                        measured++;
                    }
                    received.incrementAndGet();
                }
            }
            sender.join(10_000);
            sent = expected;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Result(rate, sent, h.getTotalCount(), pct(h, 50), pct(h, 90), pct(h, 99),
                h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0);
    }

    private static double pct(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
    }
}
