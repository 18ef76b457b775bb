package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Our own rules for a rendered overlay, beyond what the schemas say: what a reviewer of a first production
 * deploy would otherwise check by hand. Each violation names its rule:
 * <ul>
 *   <li>{@code labels}: app, application and system on every object and pod template;</li>
 *   <li>{@code resources}: requests and limits (cpu, memory) on every container, requests within limits;</li>
 *   <li>{@code probes}: startup, readiness and liveness on the Quarkus /q/health/* endpoints, on a declared
 *       port;</li>
 *   <li>{@code security}: non-root, no privilege escalation, all capabilities dropped, read-only root
 *       filesystem with a writable /tmp, RuntimeDefault seccomp, no service-account token;</li>
 *   <li>{@code image}: a registry and an explicit tag or digest everywhere; in production no latest, snapshot
 *       or branch tags;</li>
 *   <li>{@code rollout}: maxUnavailable 0, a preStop delay, a grace period covering preStop + the service's
 *       quarkus.shutdown.timeout + 10 s;</li>
 *   <li>{@code pdb}, {@code hpa}, {@code service}, {@code network-policy}: every Deployment has a PDB, an HPA
 *       (and no fixed spec.replicas), a Service whose selector and target port match, and network policies
 *       isolating it in both directions with DNS allowed;</li>
 *   <li>{@code secrets}: no Secret with data in the manifests; every referenced ConfigMap rendered;</li>
 *   <li>{@code app-config}: ports and database names as in the service's application.properties; a Deployment
 *       is one of the Quarkus modules or a known third-party server ({@link #THIRD_PARTY}: Keycloak, the
 *       OpenTelemetry Collector), checked against what that server needs instead;</li>
 *   <li>{@code identity}: Keycloak in production mode (start, --import-realm, health, proxy headers, a public
 *       hostname, its database, the bootstrap admin and in production the realm from Secrets), and every
 *       service pointed at it: keys from the realm's discovery document on the Keycloak Service, the issuer
 *       equal to Keycloak's public URL + /realms/&lt;realm&gt;, egress allowed, membership-service's admin
 *       client;</li>
 *   <li>{@code kafka}, {@code postgresql}: with Strimzi / CloudNativePG resources, every topic of the code
 *       declared, users with the ACLs the service needs, the services pointed at the managed cluster, backups
 *       scheduled;</li>
 *   <li>{@code tracing}: an OpenTelemetry Collector wherever the services run ({@link #OTEL_COLLECTOR}), its
 *       configuration sound ({@link CollectorConfig}: OTLP gRPC and HTTP receivers, memory_limiter then batch,
 *       health_check behind the probes, every ${env:...} set, egress to the backends it exports to), and every
 *       service exporting to the collector's Service (QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT) with the network
 *       policies of both sides letting it through, unless the service turns tracing off
 *       (QUARKUS_OTEL_SDK_DISABLED=true).</li>
 * </ul>
 * One class per rule family ({@link ObjectRules}, {@link SecretRules}, {@link DeploymentRules} and the container
 * families it runs, {@link ServiceRules}, {@link ScalingRules}, {@link KafkaRules}, {@link PostgresRules},
 * {@link IdentityRules}, {@link TracingRules}); this class runs them in order on one {@link Overlay}.
 */
public final class PolicyRules {

    static final Set<String> REQUIRED_LABELS = Set.of("app", "application", "system");

    /**
     * A server of the platform that is not one of our Quarkus modules (no application.properties to follow):
     * its image, the health endpoints its probes must ask, the environment variables of its JDBC URL and
     * password, its database, and the seconds its shutdown takes after SIGTERM.
     */
    record ThirdParty(String app, String image, Map<String, String> probes, String healthName, String jdbcUrlVariable,
                      String passwordVariable, String database, long shutdownSeconds) {
    }

    /** Keycloak: health on the management port (9000), data in PostgreSQL (database "keycloak"). */
    static final ThirdParty KEYCLOAK = new ThirdParty("keycloak", "quay.io/keycloak/keycloak",
            Map.of("startupProbe", "/health/started", "readinessProbe", "/health/ready", "livenessProbe", "/health/live"),
            "Keycloak's health endpoints", "KC_DB_URL", "KC_DB_PASSWORD", "keycloak", 30);

    /**
     * The OpenTelemetry Collector (contrib distribution): health from its health_check extension (GET /, no startup
     * probe: it starts in about a second), no database; after SIGTERM it flushes its batch and exporter queues.
     */
    static final ThirdParty OTEL_COLLECTOR = new ThirdParty("otel-collector", "otel/opentelemetry-collector-contrib",
            Map.of("readinessProbe", "/", "livenessProbe", "/"), "the collector's health_check extension",
            null, null, null, 10);

    /** The third-party servers a Deployment may run, by its app label. */
    static final Map<String, ThirdParty> THIRD_PARTY = Map.of(KEYCLOAK.app(), KEYCLOAK, OTEL_COLLECTOR.app(), OTEL_COLLECTOR);

    /** Where the services' OpenTelemetry SDK sends traces without QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT. */
    static final String OTLP_DEFAULT_ENDPOINT = "http://localhost:4317";

    /** Services that call Keycloak's admin API (client credentials of tic-membership-admin). */
    static final Set<String> IDENTITY_ADMINS = Set.of("membership-service");

    /** Where Keycloak imports realm files from at start-up (--import-realm). */
    static final String REALM_IMPORT_DIR = "/opt/keycloak/data/import";

    /** Keycloak's environment that Compose and Kustomize must both set: production mode on PostgreSQL behind a proxy. */
    static final Map<String, String> KEYCLOAK_REQUIRED_ENV = requiredKeycloakEnv();

    private static Map<String, String> requiredKeycloakEnv() {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("KC_DB", "postgres");
        wanted.put("KC_HEALTH_ENABLED", "true");
        wanted.put("KC_HTTP_ENABLED", "true");
        wanted.put("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        return java.util.Collections.unmodifiableMap(wanted);
    }

    private final Path repoRoot;
    private final boolean production;

    public PolicyRules(Path repoRoot, boolean production) {
        this.repoRoot = repoRoot;
        this.production = production;
    }

    public List<Violation> check(List<Manifest> manifests) {
        Overlay overlay = new Overlay(repoRoot, production, manifests);
        ObjectRules objects = new ObjectRules(overlay);
        SecretRules secrets = new SecretRules(overlay);
        ScalingRules scaling = new ScalingRules(overlay);
        ServiceRules services = new ServiceRules(overlay);
        DeploymentRules deployments = new DeploymentRules(overlay, secrets, scaling, services);
        for (Manifest m : manifests) {
            objects.check(m);
            secrets.values(m);
        }
        for (Manifest d : overlay.of("Deployment")) {
            deployments.check(d);
        }
        for (Manifest s : overlay.of("Service")) {
            services.check(s);
        }
        scaling.hpas();
        new KafkaRules(overlay).check();
        new PostgresRules(overlay).check();
        new IdentityRules(overlay).check();
        new TracingRules(overlay).check();
        return overlay.violations();
    }

    static List<String> texts(JsonNode array) {
        return Overlay.texts(array);
    }

    /** Host and database of a PostgreSQL JDBC URL. */
    static final class Jdbc {
        static String database(String url) {
            URI uri = URI.create(url.substring("jdbc:".length()));
            return uri.getPath().replaceFirst("^/", "");
        }

        static String host(String url) {
            if (!url.startsWith("jdbc:postgresql://")) {
                return "";
            }
            return URI.create(url.substring("jdbc:".length())).getHost();
        }
    }
}
