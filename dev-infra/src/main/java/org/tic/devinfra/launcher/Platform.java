package org.tic.devinfra.launcher;

import org.tic.devinfra.database.PostgresServer;
import org.tic.devinfra.identity.KeycloakServer;
import org.tic.devinfra.process.Ports;
import org.tic.devinfra.process.ServiceProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole platform on one machine: the infrastructure plus the services from their packaged jars (the three
 * domain services, and delivery-service unless its port is 0).
 * Used by the local run and by the cross-service tests.
 */
public final class Platform implements AutoCloseable {

    /**
     * @param deliveryPort         0: without delivery-service (suites that need only the three domain services)
     * @param identityProviderPort 0: no identity provider, the services trust the key in {@code extraEnvironment};
     *                             otherwise Keycloak on this port, trusted through issuer discovery
     */
    public record Options(Path repositoryRoot, Path workDirectory, int postgresPort, int kafkaPort, int controllerPort,
                          int membershipPort, int projectPort, int kpiPort, int deliveryPort, boolean durable,
                          boolean deleteOnClose, Map<String, String> extraEnvironment, int identityProviderPort) {

        /** Without an identity provider (tokens from a local key pair). */
        public Options(Path repositoryRoot, Path workDirectory, int postgresPort, int kafkaPort, int controllerPort,
                       int membershipPort, int projectPort, int kpiPort, int deliveryPort, boolean durable,
                       boolean deleteOnClose, Map<String, String> extraEnvironment) {
            this(repositoryRoot, workDirectory, postgresPort, kafkaPort, controllerPort, membershipPort, projectPort, kpiPort,
                    deliveryPort, durable, deleteOnClose, extraEnvironment, 0);
        }
    }

    private final Infrastructure infrastructure;
    private final Map<String, ServiceProcess> services;
    private KeycloakServer identityProvider;

    private Platform(Infrastructure infrastructure, Map<String, ServiceProcess> services) {
        this.infrastructure = infrastructure;
        this.services = services;
    }

    public static Platform start(Options o) {
        Infrastructure infra = Infrastructure.start(o.workDirectory(), o.postgresPort(), o.kafkaPort(), o.controllerPort(),
                o.durable(), o.deleteOnClose());
        // Keycloak starts beside the services: they find its keys lazily (a token before it is up gets a 401).
        CompletableFuture<KeycloakServer> keycloak = o.identityProviderPort() <= 0 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> KeycloakServer.start(o.workDirectory().resolve("keycloak"),
                        o.identityProviderPort(), Ports.free(), infra.postgres()));
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        services.put("membership-service", service(o, infra, "membership-service", "membership", o.membershipPort()));
        services.put("project-service", service(o, infra, "project-service", "project", o.projectPort()));
        services.put("kpi-service", service(o, infra, "kpi-service", "kpi", o.kpiPort()));
        if (o.deliveryPort() > 0) {
            services.put("delivery-service", service(o, infra, "delivery-service", "delivery", o.deliveryPort()));
        }
        Platform platform = new Platform(infra, services);
        try {
            services.values().forEach(ServiceProcess::start);
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (ServiceProcess s : services.values()) {
                ready.add(CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofSeconds(180))));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            platform.identityProvider = joined(keycloak);
        } catch (RuntimeException e) {
            KeycloakServer started = keycloak.exceptionally(t -> null).join();
            if (started != null) {
                started.close();
            }
            platform.close();
            throw e;
        }
        return platform;
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static ServiceProcess service(Options o, Infrastructure infra, String name, String database, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
        env.put("TIC_JSON_LOGS", "false");
        // The harnesses (e2e, reliability, benchmarks, local demo loading) drive load from one token and one address:
        // per-client rate limits would answer them 429. A caller turns them on with TIC_RATE_LIMIT_ENABLED=true.
        env.put("TIC_RATE_LIMIT_ENABLED", "false");
        // No OpenTelemetry Collector here: traces off unless a caller points the exporter somewhere (e2e TraceStoryTest).
        env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
        if (o.identityProviderPort() > 0) {
            env.putAll(KeycloakServer.serviceEnvironment(o.identityProviderPort(), "membership".equals(database)));
        }
        env.putAll(o.extraEnvironment());
        Path jar = o.repositoryRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(name, jar, port, env, o.workDirectory().resolve("logs").resolve(name + ".log"));
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public ServiceProcess service(String name) {
        ServiceProcess s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return s;
    }

    public Map<String, ServiceProcess> services() {
        return services;
    }

    /** The platform's Keycloak, or null when it runs on a local key pair. */
    public KeycloakServer identityProvider() {
        return identityProvider;
    }

    /** Stops the services first (they flush their outbox batches), then Keycloak, Kafka and PostgreSQL. */
    @Override
    public synchronized void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ServiceProcess s : services.values()) {
            stops.add(CompletableFuture.runAsync(s::stop));
        }
        if (identityProvider != null) {
            stops.add(CompletableFuture.runAsync(identityProvider::close));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        infrastructure.close();
    }
}
