package org.tic.devinfra;

import org.tic.devinfra.broker.KafkaBroker;
import org.tic.devinfra.database.PostgresServer;
import org.tic.devinfra.launcher.Infrastructure;
import org.tic.devinfra.process.Ports;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfrastructureTest {

    @Test
    void sharedInfrastructureIsRealPostgresAndKafka() throws Exception {
        Infrastructure infra = Infrastructure.shared();

        try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl("membership"),
                PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("17."), "PostgreSQL 17 expected, got " + rs.getString(1));
        }

        Map<String, org.apache.kafka.clients.admin.TopicDescription> topics;
        try (var admin = infra.kafka().admin()) {
            topics = admin.describeTopics(Infrastructure.TOPICS.keySet()).allTopicNames().get(30, TimeUnit.SECONDS);
        }
        Infrastructure.TOPICS.forEach((name, partitions) ->
                assertEquals(partitions, topics.get(name).partitions().size(), name));

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kpi.events", "k", "hello")).get(30, TimeUnit.SECONDS);
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-test");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("kpi.events"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.value());
                }
            }
        }
        assertEquals(List.of("hello"), seen);
    }

    @Test
    void killingTheOwnerJvmStopsPostgresAndKafka(@TempDir Path dir) throws Exception {
        int pgPort = Ports.free();
        int kafkaPort = Ports.free();
        int controllerPort = Ports.free();
        String classpath = KafkaBroker.runtimeClasspath() + File.pathSeparator
                + Path.of(Infrastructure.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator
                + Path.of(OrphanProbeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, OrphanProbeMain.class.getName(), dir.toString(),
                String.valueOf(pgPort), String.valueOf(kafkaPort), String.valueOf(controllerPort))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean ready = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY")) {
                    ready = true;
                    break;
                }
            }
            assertTrue(ready, "the child JVM did not bring the infrastructure up");
            assertTrue(Ports.isOpen("127.0.0.1", pgPort));
            assertTrue(Ports.isOpen("127.0.0.1", kafkaPort));

            owner.destroyForcibly(); // SIGKILL: no shutdown hook runs
            owner.waitFor(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !Ports.isOpen("127.0.0.1", pgPort) && !Ports.isOpen("127.0.0.1", kafkaPort));
            assertFalse(Ports.isOpen("127.0.0.1", pgPort), "PostgreSQL survived its owner");
            assertFalse(Ports.isOpen("127.0.0.1", kafkaPort), "Kafka survived its owner");
        } finally {
            owner.destroyForcibly();
        }
    }
}
