package org.tic.devinfra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the platform's services, run from its packaged Quarkus application in its own JVM. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The services' JVM flags (local run, tests, benchmark). G1 gives memory back once a service is idle (a periodic
     * collection every 10 s when idle, and the heap shrunk to keep at most 40% of it free): after a load or an import
     * the process returns to about its live set instead of keeping its peak heap committed.
     */
    public static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseG1GC",
            "-XX:G1PeriodicGCInterval=10000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=40");

    private final String name;
    private final Path runnerJar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private Process guard;

    public ServiceProcess(String name, Path runnerJar, int port, Map<String, String> environment, Path log) {
        this.name = name;
        this.runnerJar = runnerJar;
        this.port = port;
        this.environment = environment;
        this.log = log;
    }

    public synchronized void start() {
        if (!Files.exists(runnerJar)) {
            throw new IllegalStateException(runnerJar + " is missing: build first (./mvnw install -DskipTests)");
        }
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(JVM_FLAGS);
            command.addAll(List.of("-jar", runnerJar.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            pb.environment().putAll(environment);
            pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            process = pb.start();
            guard = OrphanGuard.watch(process.pid(), "TERM");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits until /q/health/ready answers 200; fails fast if the process dies. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    /** Graceful stop: SIGTERM lets Quarkus finish in-flight requests and the outbox batch. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ChildProcess.stop(process, guard, false);
        process = null;
        guard = null;
    }

    /** SIGKILL, as a crash. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
            if (guard != null) {
                guard.destroy();
                guard = null;
            }
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
    }
}
