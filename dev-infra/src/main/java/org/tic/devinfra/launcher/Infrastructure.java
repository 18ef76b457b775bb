package org.tic.devinfra.launcher;

import org.tic.devinfra.broker.KafkaBroker;
import org.tic.devinfra.database.PostgresServer;
import org.tic.devinfra.process.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The platform's real infrastructure: one PostgreSQL (a database per service) and one Kafka broker with
 * the platform's topics. Used by the tests (one shared instance per test JVM) and by the local run.
 */
public final class Infrastructure implements AutoCloseable {

    /** One database per service; each service owns its schema there. */
    public static final List<String> DATABASES = List.of("membership", "project", "kpi", "delivery");

    /** Topics with explicit partition counts; events are keyed by aggregate id, so order holds per aggregate. */
    public static final Map<String, Integer> TOPICS;

    static {
        Map<String, Integer> topics = new LinkedHashMap<>();
        topics.put("membership.events", 3);
        topics.put("project.events", 3);
        topics.put("kpi.events", 3);
        topics.put("project-service.dlq", 1);
        topics.put("kpi-service.dlq", 1);
        topics.put("membership-service.dlq", 1);
        topics.put("delivery-service.dlq", 1);
        TOPICS = Map.copyOf(topics);
    }

    private static Infrastructure shared;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final Path workDirectory;
    private final boolean deleteOnClose;

    private Infrastructure(PostgresServer postgres, KafkaBroker kafka, Path workDirectory, boolean deleteOnClose) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.workDirectory = workDirectory;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Starts PostgreSQL and Kafka in parallel under {@code workDirectory}.
     *
     * @param durable false for tests (throw-away data, fsync off)
     */
    public static Infrastructure start(Path workDirectory, int postgresPort, int kafkaPort, int controllerPort,
                                       boolean durable, boolean deleteOnClose) {
        CompletableFuture<PostgresServer> pg = CompletableFuture.supplyAsync(
                () -> PostgresServer.start(workDirectory.resolve("postgres"), postgresPort, durable));
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(
                () -> KafkaBroker.start(workDirectory.resolve("kafka"), kafkaPort, controllerPort));
        try {
            CompletableFuture.allOf(pg, broker).join();
        } catch (RuntimeException e) {
            // Do not leave the half that did start running.
            pg.thenAccept(PostgresServer::close);
            broker.thenAccept(KafkaBroker::close);
            throw e;
        }
        Infrastructure infra = new Infrastructure(pg.join(), broker.join(), workDirectory, deleteOnClose);
        DATABASES.forEach(infra.postgres::createDatabase);
        infra.kafka.createTopics(TOPICS);
        return infra;
    }

    /** The instance shared by all tests of this JVM: free ports, temporary data, stopped when the JVM exits. */
    public static synchronized Infrastructure shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("tic-infra-");
                shared = start(dir, Ports.free(), Ports.free(), Ports.free(), false, true);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "tic-infra-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The settings a Quarkus service needs to use this infrastructure with the given database. */
    public Map<String, String> serviceConfig(String database) {
        Map<String, String> config = new LinkedHashMap<>(postgres.datasourceConfig(database));
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        return config;
    }

    @Override
    public synchronized void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
            if (deleteOnClose) {
                deleteRecursively(workDirectory);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary data only
        }
    }
}
