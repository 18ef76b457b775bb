package org.tic.reliability;

import org.apache.kafka.clients.admin.Admin;
import org.awaitility.core.ConditionTimeoutException;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tic.devinfra.identity.JwtMinter;
import org.tic.devinfra.launcher.Platform;
import org.tic.devinfra.process.Ports;
import org.tic.devinfra.database.PostgresServer;
import org.tic.devinfra.process.ServiceProcess;
import org.tic.devinfra.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The whole platform once per test JVM (as e2e-tests does): real PostgreSQL and Kafka, the three packaged services on
 * free loopback ports. The work directory is kept under {@code target/} so the services' logs can be quoted after a
 * run; it is replaced at the next run. Everything this JVM started is stopped when it ends (extra replicas first).
 */
public final class ReliabilityPlatform implements BeforeAllCallback {

    public static final String MEMBERSHIP = "membership-service";
    public static final String PROJECT = "project-service";
    public static final String KPI = "kpi-service";
    public static final List<String> SERVICES = List.of(MEMBERSHIP, PROJECT, KPI);

    private static Platform platform;
    private static Path root;
    private static Path work;
    private static Path apps;
    private static Map<String, String> securityEnv;
    private static final List<ServiceProcess> extraReplicas = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        platform();
    }

    public static synchronized Platform platform() {
        if (platform == null) {
            root = Path.of(System.getProperty("tic.repository.root", "..")).toAbsolutePath().normalize();
            work = root.resolve("reliability-tests/target/reliability-platform");
            deleteRecursively(work);
            try {
                Files.createDirectories(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            securityEnv = Map.of(
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.keys().publicKeyFile().toUri().toString(),
                    "MP_JWT_VERIFY_ISSUER", JwtMinter.DEFAULT_ISSUER,
                // one token and one address drive the load: per-client rate limits would answer 429
                "TIC_RATE_LIMIT_ENABLED", "false");
            long t0 = System.nanoTime();
            // Run the services from a private copy of their packaged apps: a build of the same working tree (another
            // engineer's, or the IDE's) replaces target/quarkus-app under a running JVM, whose class loading then
            // fails and whose event loop hangs; that is not what these suites test.
            apps = work.resolve("apps");
            for (String service : SERVICES) {
                copyRecursively(root.resolve(service).resolve("target/quarkus-app"),
                        apps.resolve(service).resolve("target/quarkus-app"));
            }
            platform = Platform.start(new Platform.Options(apps, work, Ports.free(), Ports.free(), Ports.free(),
                    Ports.free(), Ports.free(), Ports.free(), 0, false, false, securityEnv));
            awaitConsumerGroups();
            System.out.printf("[reliability] platform up in %.1f s (work directory %s)%n", (System.nanoTime() - t0) / 1e9, work);
            Runtime.getRuntime().addShutdownHook(new Thread(ReliabilityPlatform::shutdown, "reliability-platform-stop"));
        }
        return platform;
    }

    /**
     * Ready services are not yet consuming: their consumers join their groups after readiness. Every suite starts by
     * waiting for events to reach the consumers, so a broker that never forms the groups is reported here, once, with
     * what the broker and the consumers said, instead of as a timeout in each suite.
     */
    private static void awaitConsumerGroups() {
        try (Admin admin = platform.infrastructure().kafka().admin()) {
            try {
                await("consumer groups complete").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> ConsumerGroups.complete(admin, 1));
            } catch (ConditionTimeoutException e) {
                StringBuilder why = new StringBuilder("The services' consumer groups did not form within 90 s: ")
                        .append(ConsumerGroups.describe(admin));
                for (String s : List.of(PROJECT, KPI)) {
                    why.append("\n--- last warnings of ").append(s).append(" (").append(logOf(s)).append("):\n")
                            .append(String.join("\n", warnings(logOf(s), 15)));
                }
                throw new IllegalStateException(why.toString(), e);
            }
        }
    }

    private static List<String> warnings(Path log, int last) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> w = lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
            return w.subList(Math.max(0, w.size() - last), w.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(cannot read " + log + ": " + e + ")");
        }
    }

    private static synchronized void shutdown() {
        for (ServiceProcess p : extraReplicas) {
            p.stop();
        }
        extraReplicas.clear();
        if (platform != null) {
            platform.close();
        }
    }

    public static String baseUrl(String service) {
        return platform().service(service).baseUrl();
    }

    public static ServiceProcess service(String service) {
        return platform().service(service);
    }

    /**
     * A further replica of a service on another port, against the same database and Kafka, with the same environment
     * Platform gives the first one (built the same way as Platform does). Not started yet.
     */
    public static synchronized ServiceProcess newReplica(String service, String database) {
        return newReplica(service, database, Map.of());
    }

    /** As {@link #newReplica(String, String)}, with further environment variables (e.g. Kafka client settings). */
    public static synchronized ServiceProcess newReplica(String service, String database, Map<String, String> extraEnv) {
        Platform p = platform();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", p.infrastructure().postgres().jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", p.infrastructure().kafka().bootstrapServers());
        env.put("TIC_JSON_LOGS", "false");
        env.put("QUARKUS_OTEL_SDK_DISABLED", "true"); // no collector here: traces off, as in the other harnesses
        env.putAll(securityEnv);
        env.putAll(extraEnv);
        int n = extraReplicas.size() + 2;
        ServiceProcess replica = new ServiceProcess(service + "-replica" + n,
                apps.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"), Ports.free(), env,
                work.resolve("logs").resolve(service + "-replica" + n + ".log"));
        extraReplicas.add(replica);
        return replica;
    }

    public static String kafkaBootstrap() {
        return platform().infrastructure().kafka().bootstrapServers();
    }

    public static Path logOf(String service) {
        return platform().service(service).log();
    }

    private static void copyRecursively(Path from, Path to) {
        if (!Files.exists(from.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(from + " is missing: build first (./mvnw install -DskipTests)");
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
