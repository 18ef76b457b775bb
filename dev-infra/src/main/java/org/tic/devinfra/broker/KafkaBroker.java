package org.tic.devinfra.broker;

import org.tic.devinfra.process.ChildProcess;
import org.tic.devinfra.process.OrphanGuard;
import org.tic.devinfra.process.Ports;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker in its own JVM, started from the Apache Kafka jars this module
 * depends on. A separate JVM because in-process brokers only work when broker and client versions match
 * exactly, and they flood the test log. Can be stopped (or killed) and started again on the same
 * directory and ports.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private Process process;
    private Process guard;

    private KafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public static KafkaBroker start(Path directory, int port, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(directory, port, controllerPort);
        broker.start();
        return broker;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path config = writeConfig();
            Path logs = directory.resolve("logs");
            // Format only once: a new cluster id on a formatted directory fails.
            if (!Files.exists(logs.resolve("meta.properties"))) {
                Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                        "-c", config.toString(), "--ignore-formatted")
                        .redirectOutput(directory.resolve("format.log").toFile())
                        .redirectErrorStream(true)
                        .start();
                if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    format.destroyForcibly();
                    throw new IllegalStateException("Formatting Kafka storage failed, see " + directory.resolve("format.log"));
                }
            }
            Path log = directory.resolve("broker.log");
            process = java("kafka.Kafka", config.toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .start();
            guard = OrphanGuard.watch(process.pid(), "TERM");
            Process started = process;
            // Wait for the TCP port before asking the admin client, or its warnings flood the log.
            Ports.awaitOpen(HOST, port, Duration.ofSeconds(90), started::isAlive);
            awaitController();
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start in " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Graceful stop (SIGTERM, then SIGKILL after 30 s). */
    public synchronized void stop() {
        stop(false);
    }

    /** SIGKILL, as a crashed broker. */
    public synchronized void kill() {
        stop(true);
    }

    private void stop(boolean kill) {
        if (process == null) {
            return;
        }
        ChildProcess.stop(process, guard, kill);
        process = null;
        guard = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Creates topics with explicit partition counts (replication 1: a single node); existing ones are kept. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>();
            partitionsByTopic.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, (short) 1)));
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e);
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(props);
    }

    private void awaitController() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (!isRunning()) {
                break;
            }
        }
        throw new IllegalStateException("Kafka broker on port " + port + " is not ready; see "
                + directory.resolve("broker.log"), last);
    }

    private Path writeConfig() throws IOException {
        String logDir = directory.resolve("logs").toAbsolutePath().toString();
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                // Topics are created up front with explicit partitions; a typo must not create a new one.
                "auto.create.topics.enable=false",
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        Path file = directory.resolve("server.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms64m");
        command.add("-Xmx512m");
        command.add("-XX:+UseG1GC");
        command.add("-Djava.awt.headless=true");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(runtimeClasspath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(directory.toFile());
    }

    /** The classpath Maven resolved for this module at build time (see the dependency plugin in its pom). */
    public static String runtimeClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/org/tic/devinfra/runtime.classpath")) {
            if (in == null) {
                throw new IllegalStateException("runtime.classpath missing: build dev-infra with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
