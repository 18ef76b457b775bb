package org.tic.bench;

import org.tic.devinfra.launcher.Infrastructure;
import org.tic.devinfra.identity.JwtMinter;
import org.tic.devinfra.process.Ports;
import org.tic.devinfra.database.PostgresServer;
import org.tic.devinfra.process.ServiceProcess;
import org.tic.devinfra.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark's platform, assembled from dev-infra's parts: {@link Infrastructure} (real PostgreSQL + Kafka) and
 * one {@link ServiceProcess} per service (the packaged jars, same JVM flags and environment as
 * {@code org.tic.devinfra.launcher.Platform}), plus the Spring Data REST peer run the same way. Unlike {@code Platform} it
 * starts the services one at a time, so each one's JVM start → ready time is measured without the others
 * competing for the two cores. Everything it started is stopped by {@link #close()} (also on Ctrl-C); dev-infra's
 * orphan guards stop PostgreSQL, Kafka and the JVMs if this process is killed outright.
 */
final class BenchPlatform implements AutoCloseable {

    static final List<String> SERVICES = List.of("membership-service", "project-service", "kpi-service");
    static final Map<String, String> DATABASE = Map.of("membership-service", "membership", "project-service", "project",
            "kpi-service", "kpi", DeliveryLagScenario.SERVICE, "delivery");
    static final String PEER = "spring-data-rest-peer";

    record StartTiming(String name, double spawnToReadyMs, double spawnToFirstAnswerMs, Double selfReportedSeconds) {
    }

    private final Path root;
    private final Path work;
    private final Path keepLogs;
    private final Infrastructure infra;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, String> jwtEnv;
    private final Thread hook;
    private boolean closed;

    private BenchPlatform(Path root, Path work, Path keepLogs, Infrastructure infra) {
        this.root = root;
        this.work = work;
        this.keepLogs = keepLogs;
        this.infra = infra;
        this.jwtEnv = Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.keys().publicKeyFile().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", JwtMinter.DEFAULT_ISSUER,
                // one token and one address drive the load: per-client rate limits would answer 429
                "TIC_RATE_LIMIT_ENABLED", "false");
        for (String s : SERVICES) {
            ports.put(s, Ports.free());
        }
        ports.put(PEER, Ports.free());
        this.hook = new Thread(this::close, "bench-platform-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** PostgreSQL (durable: fsync on, as in production) and Kafka on free ports, data in a temporary directory. */
    static BenchPlatform startInfrastructure(Path root, Path keepLogs) {
        try {
            Path work = Files.createTempDirectory("tic-bench-");
            Infrastructure infra = Infrastructure.start(work, Ports.free(), Ports.free(), Ports.free(), true, true);
            return new BenchPlatform(root, work, keepLogs, infra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Infrastructure infra() {
        return infra;
    }

    int postgresPort() {
        return infra.postgres().port();
    }

    int port(String name) {
        return ports.get(name);
    }

    String baseUrl(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    Path jar(String name) {
        return name.equals(PEER) ? root.resolve("benchmarks/spring-data-rest-app/target/spring-data-rest-app.jar")
                : root.resolve(serviceOf(name)).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** A further replica is named {@code service#n}: same jar, database and broker, its own port. */
    static String serviceOf(String name) {
        int i = name.indexOf('#');
        return i < 0 ? name : name.substring(0, i);
    }

    Path log(String name) {
        return work.resolve("logs").resolve(name + ".log");
    }

    private ServiceProcess process(String name, Map<String, String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        if (name.equals(PEER)) {
            env.put("PEER_JDBC_URL", infra.postgres().jdbcUrl("membership"));
            env.put("PEER_DB_USER", PostgresServer.USER);
            env.put("PEER_DB_PASSWORD", PostgresServer.PASSWORD);
            env.put("PEER_PORT", String.valueOf(ports.get(name)));
        } else {
            // Exactly what org.tic.devinfra.launcher.Platform passes, plus the test key pair (as the e2e tests do).
            env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl(DATABASE.get(serviceOf(name))));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
            env.put("TIC_JSON_LOGS", "false");
            env.put("QUARKUS_OTEL_SDK_DISABLED", "true"); // no collector here: traces off, as in the other harnesses
            env.putAll(jwtEnv);
        }
        env.putAll(extraEnv);
        return new ServiceProcess(name, jar(name), ports.get(name), env, log(name));
    }

    /**
     * Spawns the JVM and polls every 10 ms: the readiness endpoint ({@code readyPath}), or when {@code firstAnswerPath}
     * is given, that resource until it answers 200 (time to first request).
     */
    synchronized StartTiming start(String name, String readyPath, String firstAnswerPath, Duration timeout) {
        return start(name, readyPath, firstAnswerPath, timeout, Map.of());
    }

    /** As {@link #start(String, String, String, Duration)}, with further environment variables for this start. */
    synchronized StartTiming start(String name, String readyPath, String firstAnswerPath, Duration timeout,
                                   Map<String, String> extraEnv) {
        ports.computeIfAbsent(name, n -> Ports.free());
        ServiceProcess p = process(name, extraEnv);
        long logOffset = logSize(name);
        long t0 = System.nanoTime();
        p.start();
        processes.put(name, p);
        pids.put(name, findPid(jar(name), List.copyOf(pids.values())));
        int port = ports.get(name);
        double ready = Double.NaN;
        double first = Double.NaN;
        long deadline = t0 + timeout.toNanos();
        String path = firstAnswerPath != null ? firstAnswerPath : readyPath;
        byte[] request = RawHttp.get(path, port);
        while (System.nanoTime() < deadline) {
            if (!p.isRunning()) {
                throw new IllegalStateException(name + " exited during start; see " + log(name));
            }
            try (RawHttp http = new RawHttp("127.0.0.1", port, 5000)) {
                if (http.exchange(request, false).status() == 200) {
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (firstAnswerPath != null) {
                        first = ms;
                    } else {
                        ready = ms;
                    }
                    break;
                }
            } catch (IOException | RuntimeException notYet) {
                // not listening yet
            }
            sleep(10);
        }
        if (Double.isNaN(ready) && Double.isNaN(first)) {
            throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log(name));
        }
        return new StartTiming(name, ready, first, selfReported(name, logOffset));
    }

    synchronized void stop(String name) {
        ServiceProcess p = processes.remove(name);
        if (p != null) {
            p.stop();
        }
        pids.remove(name);
    }

    boolean isRunning(String name) {
        ServiceProcess p = processes.get(name);
        return p != null && p.isRunning();
    }

    /** Resident set size of the service's JVM (VmRSS from /proc), in MiB; NaN when unknown. */
    double rssMiB(String name) {
        Long pid = pids.get(name);
        if (pid == null) {
            return Double.NaN;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    Long pid(String name) {
        return pids.get(name);
    }

    /** The JVM running {@code jar} among this process's children, other than those already known (other replicas). */
    private static Long findPid(Path jar, List<Long> known) {
        String needle = jar.toString();
        for (int attempt = 0; attempt < 50; attempt++) {
            var match = ProcessHandle.current().children()
                    .filter(h -> !known.contains(h.pid()))
                    .filter(h -> h.info().commandLine().map(c -> c.contains(needle) && !c.contains("kill -0")).orElse(false))
                    .findFirst();
            if (match.isPresent()) {
                return match.get().pid();
            }
            sleep(20);
        }
        return null;
    }

    private long logSize(String name) {
        try {
            return Files.exists(log(name)) ? Files.size(log(name)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern SPRING_STARTED = Pattern.compile("process running for ([0-9.]+)\\)");

    /** The start time the framework logs itself (Quarkus: "started in", Spring: "process running for"). */
    private Double selfReported(String name, long fromOffset) {
        for (int i = 0; i < 20; i++) {
            try {
                byte[] all = Files.readAllBytes(log(name));
                String text = new String(all, (int) Math.min(fromOffset, all.length), (int) Math.max(0, all.length - fromOffset),
                        StandardCharsets.UTF_8);
                Matcher m = (name.equals(PEER) ? SPRING_STARTED : QUARKUS_STARTED).matcher(text);
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
            sleep(50);
        }
        return null;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the peer and the services (in parallel), then Kafka and PostgreSQL; keeps the logs. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
        try {
            CompletableFuture.allOf(processes.values().stream()
                    .map(p -> CompletableFuture.runAsync(p::stop)).toArray(CompletableFuture[]::new)).join();
            processes.clear();
        } finally {
            try {
                copyLogs();
            } finally {
                infra.close();
            }
        }
    }

    private void copyLogs() {
        if (keepLogs == null) {
            return;
        }
        try {
            Files.createDirectories(keepLogs);
            Path logs = work.resolve("logs");
            Path broker = work.resolve("kafka").resolve("broker.log");
            try (Stream<Path> files = Stream.concat(Files.exists(logs) ? Files.list(logs) : Stream.<Path>empty(),
                    Files.exists(broker) ? Stream.of(broker) : Stream.<Path>empty()).sorted(Comparator.naturalOrder())) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path rel = work.relativize(f);
                    Path target = keepLogs.resolve(rel.toString().replace('/', '_'));
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // logs are a convenience
        }
    }
}
