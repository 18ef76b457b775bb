package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 */
public final class PolicyRules {

    static final Set<String> REQUIRED_LABELS = Set.of("app", "application", "system");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "CustomResourceDefinition");
    private static final Pattern SLEEP = Pattern.compile("(?:^|\\s)sleep\\s+(\\d+)");
    private static final Pattern UNPINNED_TAG = Pattern.compile("(?i).*(latest|snapshot|dev|main|master|edge|nightly).*");
    private static final Pattern REALM_PATH = Pattern.compile("/realms/([^/]+)/?");
    private static final Map<String, String> QUARKUS_PROBES = Map.of("startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live");

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

    private final Path repoRoot;
    private final boolean production;
    private final List<Violation> violations = new ArrayList<>();
    private List<Manifest> all;

    public PolicyRules(Path repoRoot, boolean production) {
        this.repoRoot = repoRoot;
        this.production = production;
    }

    public List<Violation> check(List<Manifest> manifests) {
        this.all = manifests;
        violations.clear();
        for (Manifest m : manifests) {
            labels(m);
            if (!CLUSTER_SCOPED.contains(m.kind()) && m.namespace() == null) {
                add("namespace", m, "has no namespace (the overlay's namespace: is missing)");
            }
            if (m.kind().equals("Secret") && (m.tree().has("data") || m.tree().has("stringData"))) {
                add("secrets", m, "a Secret with values is in the manifests; create it out of band (deploy/README.md)");
            }
        }
        for (Manifest d : of("Deployment")) {
            deployment(d);
        }
        for (Manifest s : of("Service")) {
            service(s);
        }
        hpas();
        kafka();
        postgresql();
        identity();
        tracing();
        return List.copyOf(violations);
    }

    // ---------------------------------------------------------------- generic

    private void labels(Manifest m) {
        Map<String, String> labels = m.labels();
        for (String l : REQUIRED_LABELS) {
            if (labels.getOrDefault(l, "").isBlank()) {
                add("labels", m, "label '" + l + "' is missing (app, application and system go on every object)");
            }
        }
        if (m.spec().path("template").path("metadata").isObject() && m.kind().equals("Deployment")) {
            Map<String, String> pod = m.podLabels();
            for (String l : REQUIRED_LABELS) {
                if (pod.getOrDefault(l, "").isBlank()) {
                    add("labels", m, "pod template label '" + l + "' is missing");
                }
            }
        }
    }

    // ---------------------------------------------------------------- Deployment

    private void deployment(Manifest d) {
        JsonNode pod = d.spec().path("template").path("spec");
        Map<String, String> podLabels = d.podLabels();
        Map<String, String> selector = Manifest.stringMap(d.spec().path("selector").path("matchLabels"));
        if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
            add("service", d, "spec.selector.matchLabels " + selector + " does not select its own pod template " + podLabels);
        }
        String app = podLabels.getOrDefault("app", d.name());
        Optional<ServiceConfig> config = ServiceConfig.load(repoRoot, app);
        ThirdParty third = config.isEmpty() ? THIRD_PARTY.get(app) : null;
        if (config.isEmpty() && third == null) {
            add("app-config", d, "no module '" + app + "' with src/main/resources/application.properties "
                    + "(the app label names the Maven module, or one of the known servers " + THIRD_PARTY.keySet() + ")");
        }

        // security, pod level
        JsonNode psc = pod.path("securityContext");
        if (!pod.path("automountServiceAccountToken").isBoolean() || pod.path("automountServiceAccountToken").asBoolean()) {
            add("security", d, "automountServiceAccountToken must be false (the service never calls the API server)");
        }
        if (pod.path("hostNetwork").asBoolean() || pod.path("hostPID").asBoolean() || pod.path("hostIPC").asBoolean()) {
            add("security", d, "must not use the host's network, PID or IPC namespace");
        }
        Map<String, JsonNode> volumes = new HashMap<>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        volumes.values().forEach(v -> {
            if (v.has("hostPath")) {
                add("security", d, "volume " + v.path("name").asText() + " is a hostPath");
            }
            String cm = v.path("configMap").path("name").asText(null);
            if (cm != null && named("ConfigMap", cm).isEmpty()) {
                add("secrets", d, "volume " + v.path("name").asText() + " references ConfigMap " + cm + ", not in the manifests");
            }
        });

        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        if (pod.path("containers").isEmpty()) {
            add("resources", d, "has no container");
        }
        for (JsonNode c : containers) {
            String cname = c.path("name").asText("?");
            String where = "container " + cname;
            boolean init = false;
            for (JsonNode ic : pod.path("initContainers")) {
                init |= ic == c;
            }
            resources(d, where, c.path("resources"));
            image(d, where, c);
            containerSecurity(d, where, c, psc, volumes);
            envReferences(d, where, c);
            if (!init) {
                if (third != null) {
                    probes(d, where, c, third.probes(), third.healthName());
                } else {
                    probes(d, where, c, QUARKUS_PROBES, "SmallRye Health");
                }
                config.ifPresent(sc -> appConfig(d, where, c, sc));
            }
        }
        if (third != null) {
            rollout(d, pod, third.shutdownSeconds(), third.app() + "'s shutdown", "10 s of margin");
        } else {
            rollout(d, pod, config.map(sc -> sc.shutdownTimeout().toSeconds()).orElse(0L), "quarkus.shutdown.timeout",
                    "10 s for the outbox batch in flight");
        }
        companions(d, podLabels);
    }

    private void resources(Manifest d, String where, JsonNode res) {
        for (String kind : List.of("requests", "limits")) {
            for (String r : List.of("cpu", "memory")) {
                if (res.path(kind).path(r).asText("").isBlank()) {
                    add("resources", d, where + " has no " + kind + "." + r);
                }
            }
        }
        for (String r : List.of("cpu", "memory")) {
            String req = res.path("requests").path(r).asText("");
            String lim = res.path("limits").path(r).asText("");
            if (!req.isBlank() && !lim.isBlank()) {
                try {
                    if (Quantities.parse(req).compareTo(Quantities.parse(lim)) > 0) {
                        add("resources", d, where + " requests more " + r + " (" + req + ") than its limit (" + lim + ")");
                    }
                } catch (IllegalArgumentException e) {
                    add("resources", d, where + ": " + e.getMessage());
                }
            }
        }
    }

    private void image(Manifest d, String where, JsonNode c) {
        String image = c.path("image").asText("");
        ImageRef ref = ImageRef.parse(image);
        if (image.isBlank()) {
            add("image", d, where + " has no image");
            return;
        }
        if (!ref.hasRegistryPath()) {
            add("image", d, where + " image '" + image + "' is the base's placeholder: set newName (and a tag) in the overlay's images:");
        }
        if (ref.digest() == null && ref.tag() == null) {
            add("image", d, where + " image '" + image + "' has no tag (an implicit latest)");
        } else if ("latest".equals(ref.tag())) {
            add("image", d, where + " image '" + image + "' uses the latest tag");
        } else if (production && ref.digest() == null && UNPINNED_TAG.matcher(ref.tag()).matches()) {
            add("image", d, where + " image '" + image + "' is not pinned to a release in production "
                    + "(tag '" + ref.tag() + "'; use a release tag or a digest)");
        }
        if (production && "Always".equals(c.path("imagePullPolicy").asText())) {
            add("image", d, where + " pulls Always in production although its tag is pinned");
        }
    }

    private void containerSecurity(Manifest d, String where, JsonNode c, JsonNode psc, Map<String, JsonNode> volumes) {
        JsonNode sc = c.path("securityContext");
        boolean nonRoot = sc.path("runAsNonRoot").asBoolean(psc.path("runAsNonRoot").asBoolean(false));
        if (!nonRoot) {
            add("security", d, where + " may run as root (runAsNonRoot is not true)");
        }
        JsonNode uid = sc.has("runAsUser") ? sc.get("runAsUser") : psc.get("runAsUser");
        if (uid != null && uid.asLong() == 0) {
            add("security", d, where + " runs as user 0");
        }
        if (sc.path("privileged").asBoolean(false)) {
            add("security", d, where + " is privileged");
        }
        if (!sc.path("allowPrivilegeEscalation").isBoolean() || sc.path("allowPrivilegeEscalation").asBoolean()) {
            add("security", d, where + " must set allowPrivilegeEscalation: false");
        }
        boolean dropsAll = false;
        for (JsonNode cap : sc.path("capabilities").path("drop")) {
            dropsAll |= cap.asText().equals("ALL");
        }
        if (!dropsAll) {
            add("security", d, where + " must drop ALL capabilities");
        }
        if (sc.path("capabilities").path("add").size() > 0) {
            add("security", d, where + " adds capabilities " + sc.path("capabilities").path("add"));
        }
        String seccomp = sc.path("seccompProfile").path("type").asText(psc.path("seccompProfile").path("type").asText(""));
        if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
            add("security", d, where + " has no RuntimeDefault seccomp profile");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
            add("security", d, where + " must set readOnlyRootFilesystem: true");
        } else {
            boolean tmp = false;
            for (JsonNode mount : c.path("volumeMounts")) {
                JsonNode vol = volumes.get(mount.path("name").asText());
                tmp |= mount.path("mountPath").asText().equals("/tmp") && vol != null && vol.has("emptyDir")
                        && !mount.path("readOnly").asBoolean(false);
            }
            if (!tmp) {
                add("security", d, where + " has a read-only root filesystem but no writable emptyDir on /tmp (the JVM needs it)");
            }
        }
        for (JsonNode mount : c.path("volumeMounts")) {
            if (!volumes.containsKey(mount.path("name").asText())) {
                add("security", d, where + " mounts an undeclared volume " + mount.path("name").asText());
            }
        }
    }

    private void envReferences(Manifest d, String where, JsonNode c) {
        for (JsonNode from : c.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText(null);
            if (cm != null && !from.path("configMapRef").path("optional").asBoolean(false) && named("ConfigMap", cm).isEmpty()) {
                add("secrets", d, where + " takes its environment from ConfigMap " + cm + ", which is not in the manifests");
            }
        }
        for (JsonNode env : c.path("env")) {
            JsonNode value = env.get("value");
            if (value != null && env.path("name").asText().matches("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|JAAS).*")) {
                add("secrets", d, where + " sets " + env.path("name").asText() + " as a literal: take it from a Secret");
            }
        }
    }

    private void probes(Manifest d, String where, JsonNode c, Map<String, String> expected, String healthName) {
        Set<String> portNames = new HashSet<>();
        Set<Integer> portNumbers = new HashSet<>();
        for (JsonNode p : c.path("ports")) {
            portNames.add(p.path("name").asText());
            portNumbers.add(p.path("containerPort").asInt());
        }
        for (var e : expected.entrySet()) {
            JsonNode probe = c.path(e.getKey());
            if (probe.isMissingNode() || probe.isNull()) {
                add("probes", d, where + " has no " + e.getKey());
                continue;
            }
            JsonNode http = probe.path("httpGet");
            if (!http.path("path").asText("").equals(e.getValue())) {
                add("probes", d, where + " " + e.getKey() + " must GET " + e.getValue() + " (" + healthName + "), not "
                        + (http.isMissingNode() ? "a non-HTTP check" : http.path("path").asText()));
            }
            JsonNode port = http.path("port");
            if (port.isTextual() ? !portNames.contains(port.asText()) : !portNumbers.contains(port.asInt())) {
                add("probes", d, where + " " + e.getKey() + " targets port " + port + ", which the container does not declare");
            }
            if (probe.path("timeoutSeconds").asInt(1) < 2) {
                add("probes", d, where + " " + e.getKey() + " timeoutSeconds below 2 s fails on a GC pause");
            }
        }
        JsonNode startup = c.path("startupProbe");
        if (startup.isObject()) {
            int budget = startup.path("periodSeconds").asInt(10) * startup.path("failureThreshold").asInt(3);
            if (budget < 60) {
                add("probes", d, where + " startupProbe allows only " + budget + " s; Flyway migrations waiting "
                        + "for another replica's lock need at least 60 s");
            }
        }
        JsonNode liveness = c.path("livenessProbe");
        if (liveness.isObject() && liveness.path("periodSeconds").asInt(10) * liveness.path("failureThreshold").asInt(3) < 20) {
            add("probes", d, where + " livenessProbe restarts the pod after less than 20 s of failures");
        }
    }

    private void appConfig(Manifest d, String where, JsonNode c, ServiceConfig sc) {
        boolean portFound = false;
        for (JsonNode p : c.path("ports")) {
            portFound |= p.path("containerPort").asInt() == sc.httpPort();
        }
        if (!portFound) {
            add("app-config", d, where + " does not expose port " + sc.httpPort() + " (quarkus.http.port of "
                    + sc.module() + ")");
        }
        Map<String, String> env = environment(c);
        String port = env.get("QUARKUS_HTTP_PORT");
        if (port != null && !port.equals(String.valueOf(sc.httpPort()))) {
            add("app-config", d, where + " sets QUARKUS_HTTP_PORT=" + port + " but the container port and probes follow "
                    + sc.module() + "'s quarkus.http.port=" + sc.httpPort());
        }
        String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null) {
            add("app-config", d, where + " has no QUARKUS_DATASOURCE_JDBC_URL");
        } else if (sc.database() != null && !Jdbc.database(url).equals(sc.database())) {
            add("app-config", d, where + " connects to database '" + Jdbc.database(url) + "' but " + sc.module()
                    + " uses '" + sc.database() + "'");
        }
        for (String required : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL")) {
            if (!env.containsKey(required)) {
                add("app-config", d, where + " has no " + required);
            }
        }
        boolean credentials = !c.path("envFrom").findValues("secretRef").isEmpty()
                || env.containsKey("QUARKUS_DATASOURCE_PASSWORD");
        if (!credentials) {
            add("secrets", d, where + " gets no database credentials (a secretRef or QUARKUS_DATASOURCE_PASSWORD from a Secret)");
        }
    }

    /** The container's environment: ConfigMaps of envFrom, then env (later wins), secrets as "(secret)". */
    Map<String, String> environment(JsonNode c) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode from : c.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText(null);
            if (cm != null) {
                named("ConfigMap", cm).ifPresent(m -> m.tree().path("data").properties()
                        .forEach(e -> env.put(e.getKey(), e.getValue().asText())));
            }
        }
        for (JsonNode e : c.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.get("value").asText() : "(secret)");
        }
        return env;
    }

    private void rollout(Manifest d, JsonNode pod, long shutdown, String shutdownName, String margin) {
        JsonNode strategy = d.spec().path("strategy");
        if (!strategy.path("type").asText("RollingUpdate").equals("RollingUpdate")
                || !strategy.path("rollingUpdate").path("maxUnavailable").asText("25%").equals("0")) {
            add("rollout", d, "a rolling update must keep every ready pod until its replacement is ready (maxUnavailable: 0)");
        }
        long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
        long preStop = -1;
        for (JsonNode c : pod.path("containers")) {
            JsonNode hook = c.path("lifecycle").path("preStop");
            if (hook.has("sleep")) {
                preStop = hook.path("sleep").path("seconds").asLong();
            } else {
                Matcher m = SLEEP.matcher(String.join(" ", texts(hook.path("exec").path("command"))));
                if (m.find()) {
                    preStop = Long.parseLong(m.group(1));
                }
            }
        }
        if (preStop < 0) {
            add("rollout", d, "no preStop sleep: requests still routed to a terminating pod would fail");
            preStop = 0;
        } else if (preStop < 5) {
            add("rollout", d, "preStop sleep of " + preStop + " s is shorter than endpoint propagation (5 s or more)");
        }
        if (grace < preStop + shutdown + 10) {
            add("rollout", d, "terminationGracePeriodSeconds " + grace + " < preStop " + preStop
                    + " s + " + shutdownName + " " + shutdown + " s + " + margin);
        }
    }

    private void companions(Manifest d, Map<String, String> podLabels) {
        List<Manifest> pdbs = of("PodDisruptionBudget").stream()
                .filter(p -> selects(p.spec().path("selector"), podLabels)).toList();
        if (pdbs.isEmpty()) {
            add("pdb", d, "no PodDisruptionBudget selects its pods");
        }
        for (Manifest p : pdbs) {
            if (p.spec().has("minAvailable") && !p.spec().has("maxUnavailable")) {
                add("pdb", p, "use maxUnavailable: a minAvailable equal to the replica count blocks every node drain");
            } else if (p.spec().path("maxUnavailable").asText().equals("0")) {
                add("pdb", p, "maxUnavailable 0 blocks every node drain");
            }
        }
        List<Manifest> hpas = of("HorizontalPodAutoscaler").stream()
                .filter(h -> h.spec().path("scaleTargetRef").path("kind").asText().equals("Deployment")
                        && h.spec().path("scaleTargetRef").path("name").asText().equals(d.name()))
                .toList();
        if (hpas.isEmpty()) {
            add("hpa", d, "no HorizontalPodAutoscaler scales it");
        } else if (d.spec().has("replicas")) {
            add("hpa", d, "sets spec.replicas although an HPA owns the count (every apply would reset it)");
        }
        boolean ingress = false;
        boolean egress = false;
        boolean dns = false;
        for (Manifest np : of("NetworkPolicy")) {
            if (!selects(np.spec().path("podSelector"), podLabels)) {
                continue;
            }
            Set<String> types = new HashSet<>(texts(np.spec().path("policyTypes")));
            ingress |= types.contains("Ingress");
            egress |= types.contains("Egress");
            for (JsonNode rule : np.spec().path("egress")) {
                for (JsonNode port : rule.path("ports")) {
                    dns |= port.path("port").asInt() == 53;
                }
            }
            for (JsonNode rule : np.spec().path("ingress")) {
                if (rule.path("ports").isEmpty()) {
                    add("network-policy", np, "an ingress rule without ports opens every port");
                }
                if (rule.path("from").isEmpty()) {
                    add("network-policy", np, "an ingress rule without from admits every source");
                }
            }
        }
        if (!ingress || !egress) {
            add("network-policy", d, "its pods are not isolated by NetworkPolicies for "
                    + (!ingress && !egress ? "ingress and egress" : !ingress ? "ingress" : "egress"));
        } else if (!dns) {
            add("network-policy", d, "egress is restricted but DNS (port 53) is not allowed");
        }
        if (of("Service").stream().noneMatch(s -> selects(s.spec().path("selector"), podLabels, true))) {
            add("service", d, "no Service selects its pods");
        }
    }

    // ---------------------------------------------------------------- Service, HPA

    private void service(Manifest s) {
        Map<String, String> selector = Manifest.stringMap(s.spec().path("selector"));
        List<Manifest> targets = of("Deployment").stream().filter(d -> selects(s.spec().path("selector"), d.podLabels(), true)).toList();
        if (selector.isEmpty() || targets.isEmpty()) {
            add("service", s, "selector " + selector + " matches no Deployment's pods");
            return;
        }
        for (JsonNode port : s.spec().path("ports")) {
            JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
            for (Manifest d : targets) {
                boolean found = false;
                for (JsonNode c : d.spec().path("template").path("spec").path("containers")) {
                    for (JsonNode cp : c.path("ports")) {
                        found |= target.isTextual() ? cp.path("name").asText().equals(target.asText())
                                : cp.path("containerPort").asInt() == target.asInt();
                    }
                }
                if (!found) {
                    add("service", s, "targetPort " + target + " is not a port of " + d.id());
                }
            }
        }
    }

    private void hpas() {
        for (Manifest h : of("HorizontalPodAutoscaler")) {
            String target = h.spec().path("scaleTargetRef").path("name").asText();
            if (named("Deployment", target).isEmpty()) {
                add("hpa", h, "scales " + target + ", which is not in the manifests");
            }
            int min = h.spec().path("minReplicas").asInt(1);
            int max = h.spec().path("maxReplicas").asInt(0);
            if (min > max) {
                add("hpa", h, "minReplicas " + min + " > maxReplicas " + max);
            }
            if (production && min < 2) {
                add("hpa", h, "production needs at least 2 replicas (minReplicas " + min + ")");
            }
            if (h.spec().path("metrics").isEmpty()) {
                add("hpa", h, "has no metric to scale on");
            }
        }
    }

    // ---------------------------------------------------------------- Strimzi

    private void kafka() {
        List<Manifest> clusters = of("Kafka");
        if (clusters.isEmpty() && of("KafkaTopic").isEmpty() && of("KafkaUser").isEmpty()) {
            return;
        }
        Set<String> clusterNames = new TreeSet<>();
        clusters.forEach(k -> clusterNames.add(k.name()));
        for (String kind : List.of("KafkaTopic", "KafkaUser", "KafkaNodePool")) {
            for (Manifest m : of(kind)) {
                String c = m.labels().get("strimzi.io/cluster");
                if (c == null || !clusterNames.contains(c)) {
                    add("kafka", m, "label strimzi.io/cluster=" + c + " names no Kafka in the manifests " + clusterNames);
                }
            }
        }
        for (Manifest k : clusters) {
            Set<String> roles = new HashSet<>();
            int brokers = 0;
            for (Manifest pool : of("KafkaNodePool")) {
                if (k.name().equals(pool.labels().get("strimzi.io/cluster"))) {
                    List<String> r = texts(pool.spec().path("roles"));
                    roles.addAll(r);
                    if (r.contains("broker")) {
                        brokers += pool.spec().path("replicas").asInt();
                    }
                }
            }
            if (!roles.containsAll(Set.of("broker", "controller"))) {
                add("kafka", k, "KRaft needs node pools with the broker and controller roles, has " + roles);
            }
            if (production && brokers < 3) {
                add("kafka", k, "production needs 3 brokers or more (has " + brokers + ")");
            }
        }
        Map<String, Manifest> topics = new HashMap<>();
        for (Manifest t : of("KafkaTopic")) {
            String name = t.spec().path("topicName").asText(t.name());
            topics.put(name, t);
            int replicas = t.spec().path("replicas").asInt(0);
            int partitions = t.spec().path("partitions").asInt(0);
            if (partitions < 1 || replicas < 1) {
                add("kafka", t, "partitions and replicas must be explicit");
            }
            if (production && replicas < 3) {
                add("kafka", t, "production topics need 3 replicas (has " + replicas + ")");
            }
            int minIsr = t.spec().path("config").path("min.insync.replicas").asInt(1);
            if (replicas > 1 && minIsr >= replicas) {
                add("kafka", t, "min.insync.replicas " + minIsr + " >= replicas " + replicas + ": one broker down stops every write");
            }
            if (!t.spec().path("config").has("retention.ms") && !t.spec().path("config").has("retention.bytes")) {
                add("kafka", t, "retention is not explicit (retention.ms)");
            }
        }
        Map<String, Manifest> users = new HashMap<>();
        of("KafkaUser").forEach(u -> users.put(u.name(), u));
        for (Manifest d : of("Deployment")) {
            String app = d.podLabels().getOrDefault("app", d.name());
            Optional<ServiceConfig> sc = ServiceConfig.load(repoRoot, app);
            if (sc.isEmpty()) {
                continue;
            }
            for (String topic : sc.get().topics()) {
                if (!topics.containsKey(topic)) {
                    add("kafka", d, sc.get().module() + " uses topic " + topic + " (application.properties) but no KafkaTopic declares it");
                }
            }
            Manifest user = users.get(sc.get().applicationName());
            if (user == null) {
                add("kafka", d, "no KafkaUser named " + sc.get().applicationName());
                continue;
            }
            Set<String> write = new HashSet<>();
            if (sc.get().outboxTopic() != null) {
                write.add(sc.get().outboxTopic());
            }
            write.addAll(sc.get().deadLetterTopics());
            for (String t : write) {
                if (!allowed(user, "topic", t, "Write")) {
                    add("kafka", user, "does not allow Write on topic " + t + " that " + sc.get().module() + " produces to");
                }
            }
            for (String t : sc.get().consumedTopics()) {
                if (!allowed(user, "topic", t, "Read")) {
                    add("kafka", user, "does not allow Read on topic " + t + " that " + sc.get().module() + " consumes");
                }
            }
            for (String group : sc.get().consumerGroups()) {
                if (!allowed(user, "group", group, "Read")) {
                    add("kafka", user, "does not allow Read on the consumer group " + group + " of " + sc.get().module());
                }
            }
            for (JsonNode c : d.spec().path("template").path("spec").path("containers")) {
                String bootstrap = environment(c).getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
                boolean pointed = clusterNames.stream().anyMatch(n -> bootstrap.startsWith(n + "-kafka-bootstrap"));
                if (!pointed) {
                    add("kafka", d, "KAFKA_BOOTSTRAP_SERVERS=" + bootstrap + " is not the bootstrap Service of " + clusterNames);
                }
            }
        }
    }

    private static boolean allowed(Manifest user, String type, String name, String operation) {
        for (JsonNode acl : user.spec().path("authorization").path("acls")) {
            JsonNode res = acl.path("resource");
            if (!res.path("type").asText().equals(type) || !acl.path("type").asText("allow").equals("allow")) {
                continue;
            }
            String pattern = res.path("patternType").asText("literal");
            String rn = res.path("name").asText();
            boolean matches = rn.equals("*") || (pattern.equals("prefix") ? name.startsWith(rn) : name.equals(rn));
            List<String> ops = texts(acl.path("operations"));
            if (matches && (ops.contains(operation) || ops.contains("All"))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- CloudNativePG

    private void postgresql() {
        List<Manifest> clusters = of("Cluster").stream().filter(c -> c.group().equals("postgresql.cnpg.io")).toList();
        if (clusters.isEmpty()) {
            return;
        }
        Map<String, String> roleSecrets = new HashMap<>();
        for (Manifest c : clusters) {
            int instances = c.spec().path("instances").asInt(1);
            if (production && instances < 3) {
                add("postgresql", c, "production needs 3 instances (has " + instances + ")");
            }
            boolean backup = of("ScheduledBackup").stream()
                    .anyMatch(b -> b.spec().path("cluster").path("name").asText().equals(c.name()));
            if (!backup) {
                add("postgresql", c, "no ScheduledBackup backs it up");
            }
            boolean archived = c.spec().has("backup") || c.spec().path("plugins").findValues("isWALArchiver")
                    .stream().anyMatch(JsonNode::asBoolean);
            if (!archived) {
                add("postgresql", c, "no WAL archiving (spec.backup or a plugin with isWALArchiver): no point-in-time recovery");
            }
            for (JsonNode plugin : c.spec().path("plugins")) {
                String store = plugin.path("parameters").path("barmanObjectName").asText(null);
                if (store != null && named("ObjectStore", store).isEmpty()) {
                    add("postgresql", c, "plugin " + plugin.path("name").asText() + " names ObjectStore " + store + ", not in the manifests");
                }
            }
            for (JsonNode role : c.spec().path("managed").path("roles")) {
                roleSecrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText(""));
            }
        }
        Map<String, Manifest> databases = new HashMap<>();
        for (Manifest db : of("Database")) {
            databases.put(db.spec().path("name").asText(), db);
            String owner = db.spec().path("owner").asText();
            if (!roleSecrets.containsKey(owner)) {
                add("postgresql", db, "owner " + owner + " is not a managed role of the Cluster");
            }
            String cluster = db.spec().path("cluster").path("name").asText();
            if (clusters.stream().noneMatch(c -> c.name().equals(cluster))) {
                add("postgresql", db, "cluster " + cluster + " is not in the manifests");
            }
        }
        for (Manifest d : of("Deployment")) {
            Optional<DatabaseUse> use = databaseUse(d);
            if (use.isEmpty()) {
                continue;
            }
            Manifest db = databases.get(use.get().database());
            if (db == null) {
                add("postgresql", d, "no Database resource creates '" + use.get().database() + "'");
                continue;
            }
            String owner = db.spec().path("owner").asText();
            for (JsonNode c : d.spec().path("template").path("spec").path("containers")) {
                Map<String, String> env = environment(c);
                String host = Jdbc.host(env.getOrDefault(use.get().urlVariable(), ""));
                String cluster = db.spec().path("cluster").path("name").asText();
                if (!host.equals(cluster + "-rw") && !host.startsWith(cluster + "-rw.")) {
                    add("postgresql", d, "connects to " + host + ", not to the primary Service " + cluster + "-rw");
                }
                String secret = null;
                for (JsonNode e : c.path("env")) {
                    if (e.path("name").asText().equals(use.get().passwordVariable())) {
                        secret = e.path("valueFrom").path("secretKeyRef").path("name").asText(null);
                    }
                }
                if (secret == null || !secret.equals(roleSecrets.get(owner))) {
                    add("postgresql", d, use.get().passwordVariable() + " must come from " + roleSecrets.get(owner)
                            + ", the password Secret of role " + owner + " (is " + secret + ")");
                }
            }
        }
    }

    /** Which database a Deployment uses and through which environment variables (none: empty). */
    private record DatabaseUse(String database, String urlVariable, String passwordVariable) {
    }

    private Optional<DatabaseUse> databaseUse(Manifest d) {
        String app = app(d);
        Optional<ServiceConfig> sc = ServiceConfig.load(repoRoot, app);
        if (sc.isPresent()) {
            return sc.get().database() == null ? Optional.empty()
                    : Optional.of(new DatabaseUse(sc.get().database(), "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD"));
        }
        ThirdParty third = THIRD_PARTY.get(app);
        return third == null || third.database() == null ? Optional.empty()
                : Optional.of(new DatabaseUse(third.database(), third.jdbcUrlVariable(), third.passwordVariable()));
    }

    // ---------------------------------------------------------------- Keycloak and the services' tokens

    private void identity() {
        List<Manifest> idps = of("Deployment").stream().filter(d -> app(d).equals(KEYCLOAK.app())).toList();
        Manifest idp = idps.isEmpty() ? null : idps.get(0);
        String realm = null;
        String hostname = null;
        Manifest idpService = null;
        if (idp != null) {
            JsonNode c = mainContainer(idp);
            Map<String, String> env = environment(c);
            hostname = env.get("KC_HOSTNAME");
            realm = keycloak(idp, c, env);
            idpService = of("Service").stream().filter(s -> selects(s.spec().path("selector"), idp.podLabels(), true))
                    .findFirst().orElse(null);
            if (idpService == null) {
                add("identity", idp, "no Service selects the Keycloak pods: the services cannot reach the realm");
            }
        }
        for (Manifest d : of("Deployment")) {
            Optional<ServiceConfig> sc = ServiceConfig.load(repoRoot, app(d));
            if (sc.isPresent()) {
                tokens(d, sc.get(), idp, idpService, hostname, realm);
            }
        }
    }

    /** Keycloak's own settings; returns the realm name of the imported file when the manifests hold it. */
    private String keycloak(Manifest d, JsonNode c, Map<String, String> env) {
        String image = ImageRef.parse(c.path("image").asText("")).name();
        if (!image.equals(KEYCLOAK.image())) {
            add("identity", d, "image " + c.path("image").asText() + " is not " + KEYCLOAK.image());
        }
        List<String> args = new ArrayList<>(texts(c.path("command")));
        args.addAll(texts(c.path("args")));
        if (args.contains("start-dev")) {
            add("identity", d, "runs start-dev (development mode); production runs 'start'");
        } else if (!args.contains("start")) {
            add("identity", d, "does not run 'start' (args " + args + ")");
        }
        if (!args.contains("--import-realm")) {
            add("identity", d, "does not import the realm at start-up (--import-realm)");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("KC_DB", "postgres");
        wanted.put("KC_HEALTH_ENABLED", "true");
        wanted.put("KC_HTTP_ENABLED", "true");
        wanted.put("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        wanted.forEach((k, v) -> {
            if (!v.equals(env.get(k))) {
                add("identity", d, k + "=" + env.get(k) + ", must be " + v);
            }
        });
        String proxy = env.getOrDefault("KC_PROXY_HEADERS", "");
        if (!proxy.equals("xforwarded") && !proxy.equals("forwarded")) {
            add("identity", d, "KC_PROXY_HEADERS=" + proxy + ": behind the TLS-terminating ingress it must be xforwarded or forwarded");
        }
        String hostname = env.getOrDefault("KC_HOSTNAME", "");
        if (!hostname.matches("https?://[^/]+/?")) {
            add("identity", d, "KC_HOSTNAME=" + hostname + " is not the public URL (scheme://host[:port])");
        } else if (production && !hostname.startsWith("https://")) {
            add("identity", d, "KC_HOSTNAME=" + hostname + ": production issues tokens on https only");
        }
        String url = env.get(KEYCLOAK.jdbcUrlVariable());
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            add("identity", d, KEYCLOAK.jdbcUrlVariable() + "=" + url + " is not a PostgreSQL JDBC URL");
        } else if (!Jdbc.database(url).equals(KEYCLOAK.database())) {
            add("identity", d, "connects to database '" + Jdbc.database(url) + "', Keycloak's is '" + KEYCLOAK.database() + "'");
        }
        for (String admin : List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            if (secretRef(c, admin) == null) {
                add("identity", d, admin + " must be taken from a Secret (env valueFrom.secretKeyRef)");
            }
        }
        if (args.contains("--optimized")) {
            optimized(d, c, env);
        }
        // The realm file.
        JsonNode pod = d.spec().path("template").path("spec");
        String volume = null;
        for (JsonNode m : c.path("volumeMounts")) {
            if (m.path("mountPath").asText().replaceFirst("/$", "").equals(REALM_IMPORT_DIR)) {
                volume = m.path("name").asText();
            }
        }
        if (volume == null) {
            add("identity", d, "nothing is mounted on " + REALM_IMPORT_DIR + ": --import-realm imports no realm");
            return null;
        }
        for (JsonNode v : pod.path("volumes")) {
            if (!v.path("name").asText().equals(volume)) {
                continue;
            }
            if (v.has("configMap")) {
                String cm = v.path("configMap").path("name").asText();
                if (production) {
                    add("identity", d, "imports its realm from ConfigMap " + cm + " in production: a realm file holds "
                            + "client secrets and user passwords, mount a Secret created out of band (deploy/README.md)");
                }
                return named("ConfigMap", cm).map(PolicyRules::realmName).orElse(null);
            }
            if (!v.has("secret")) {
                add("identity", d, "volume " + volume + " on " + REALM_IMPORT_DIR + " is neither a Secret nor a ConfigMap");
            }
        }
        return null;
    }

    /** start --optimized runs what an init container built: the same image, the same build options. */
    private void optimized(Manifest d, JsonNode c, Map<String, String> env) {
        JsonNode build = null;
        for (JsonNode ic : d.spec().path("template").path("spec").path("initContainers")) {
            List<String> cmd = new ArrayList<>(texts(ic.path("command")));
            cmd.addAll(texts(ic.path("args")));
            if (cmd.contains("build") && ic.path("image").asText().equals(c.path("image").asText())) {
                build = ic;
            }
        }
        if (build == null) {
            add("identity", d, "starts --optimized, but no init container runs 'build' on " + c.path("image").asText());
            return;
        }
        Map<String, String> built = environment(build);
        for (String option : List.of("KC_DB", "KC_HEALTH_ENABLED", "KC_METRICS_ENABLED", "KC_FEATURES", "KC_CACHE")) {
            if (!Objects.equals(built.get(option), env.get(option))) {
                add("identity", d, "build option " + option + " is " + built.get(option) + " in the build but "
                        + env.get(option) + " in the server: --optimized would ignore the server's");
            }
        }
    }

    private static String realmName(Manifest configMap) {
        for (var e : configMap.tree().path("data").properties()) {
            if (e.getKey().endsWith(".json")) {
                try {
                    return new ObjectMapper().readTree(e.getValue().asText()).path("realm").asText(null);
                } catch (IOException ex) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A TIC service takes its keys from Keycloak's realm and expects its issuer. */
    private void tokens(Manifest d, ServiceConfig sc, Manifest idp, Manifest idpService, String hostname, String fileRealm) {
        JsonNode c = mainContainer(d);
        Map<String, String> env = environment(c);
        if (!"true".equals(env.get("TIC_SECURITY_OIDC_DISCOVERY"))) {
            add("identity", d, "TIC_SECURITY_OIDC_DISCOVERY=" + env.get("TIC_SECURITY_OIDC_DISCOVERY")
                    + ": the keys must come from the issuer's discovery document (true)");
        }
        if (env.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            add("identity", d, "sets MP_JWT_VERIFY_PUBLICKEY_LOCATION; the keys come from the discovery document (jwks_uri)");
        }
        String discovery = env.getOrDefault("TIC_SECURITY_OIDC_DISCOVERY_URL", "");
        String realm = null;
        URI uri = idpUri(d, "TIC_SECURITY_OIDC_DISCOVERY_URL", discovery, idp, idpService);
        if (uri != null) {
            Matcher m = REALM_PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
            if (!m.matches()) {
                add("identity", d, "TIC_SECURITY_OIDC_DISCOVERY_URL=" + discovery + " is not a realm's URL (.../realms/<realm>)");
            } else {
                realm = m.group(1);
            }
        }
        if (realm != null && fileRealm != null && !realm.equals(fileRealm)) {
            add("identity", d, "discovers realm '" + realm + "' but Keycloak imports realm '" + fileRealm + "'");
        }
        String issuer = env.get("MP_JWT_VERIFY_ISSUER");
        if (hostname != null && realm != null) {
            String expected = hostname.replaceFirst("/$", "") + "/realms/" + realm;
            if (!expected.equals(issuer)) {
                add("identity", d, "MP_JWT_VERIFY_ISSUER=" + issuer + " but Keycloak issues its tokens as " + expected
                        + " (KC_HOSTNAME + /realms/" + realm + ")");
            }
        }
        if (idp != null && uri != null && !egressAllows(d.podLabels(), idp, uri)) {
            add("identity", d, "its NetworkPolicies do not let it reach Keycloak's pods (" + discovery + ")");
        }
        if (IDENTITY_ADMINS.contains(sc.module())) {
            idpUri(d, "TIC_IDENTITY_PROVIDER_URL", env.getOrDefault("TIC_IDENTITY_PROVIDER_URL", ""), idp, idpService);
            if (realm != null && !realm.equals(env.get("TIC_IDENTITY_PROVIDER_REALM"))) {
                add("identity", d, "TIC_IDENTITY_PROVIDER_REALM=" + env.get("TIC_IDENTITY_PROVIDER_REALM")
                        + " is not the realm it verifies tokens of (" + realm + ")");
            }
            if (env.getOrDefault("TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_ID", "").isBlank()) {
                add("identity", d, "has no TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_ID");
            }
            if (secretRef(c, "TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_SECRET") == null) {
                add("identity", d, "TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_SECRET must be taken from a Secret (env valueFrom.secretKeyRef)");
            }
        }
    }

    /** A URL on the Keycloak Service (host = its name, port = one of its ports), or null with a violation. */
    private URI idpUri(Manifest d, String variable, String value, Manifest idp, Manifest idpService) {
        URI uri = httpUrl(value);
        if (uri == null) {
            add("identity", d, variable + "=" + value + " is not an http(s) URL");
            return null;
        }
        if (idp == null || idpService == null) {
            add("identity", d, variable + "=" + value + ": no Keycloak Deployment and Service in the manifests");
            return uri;
        }
        String host = uri.getHost().split("\\.")[0];
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        List<Integer> ports = new ArrayList<>();
        idpService.spec().path("ports").forEach(p -> ports.add(p.path("port").asInt()));
        if (!host.equals(idpService.name()) || !ports.contains(port)) {
            add("identity", d, variable + "=" + value + " is not on Keycloak's Service " + idpService.name()
                    + " (ports " + ports + ")");
        }
        return uri;
    }

    /** The container ports (numbers and names) behind a Service port of the Services selecting the target's pods. */
    private record Ports(Set<Integer> numbers, Set<String> names) {
        boolean matches(JsonNode port) {
            return port.isTextual() ? names.contains(port.asText()) : numbers.contains(port.asInt());
        }
    }

    private Ports targetPorts(Manifest target, int servicePort) {
        Set<Integer> numbers = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Manifest s : of("Service")) {
            if (!selects(s.spec().path("selector"), target.podLabels(), true)) {
                continue;
            }
            for (JsonNode p : s.spec().path("ports")) {
                if (p.path("port").asInt() != servicePort) {
                    continue;
                }
                JsonNode tp = p.has("targetPort") ? p.get("targetPort") : p.get("port");
                if (tp.isTextual()) {
                    names.add(tp.asText());
                } else {
                    numbers.add(tp.asInt());
                }
            }
        }
        for (JsonNode c : target.spec().path("template").path("spec").path("containers")) {
            for (JsonNode cp : c.path("ports")) {
                if (names.contains(cp.path("name").asText())) {
                    numbers.add(cp.path("containerPort").asInt());
                }
                if (numbers.contains(cp.path("containerPort").asInt())) {
                    names.add(cp.path("name").asText());
                }
            }
        }
        return new Ports(numbers, names);
    }

    /** An http(s) URL with a host, or null. */
    private static URI httpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    }

    /** Whether the egress policies selecting these pods let them open the Service port's target on the target pods. */
    private boolean egressAllows(Map<String, String> from, Manifest target, URI uri) {
        return allows("Egress", from, target.podLabels(), targetPorts(target, port(uri)));
    }

    /** Whether the ingress policies selecting the target's pods admit these pods on the Service port's target. */
    private boolean ingressAllows(Manifest target, Map<String, String> from, URI uri) {
        return allows("Ingress", target.podLabels(), from, targetPorts(target, port(uri)));
    }

    /**
     * Whether the policies of this type ("Egress", "Ingress") selecting these pods let them talk to (or be reached
     * by) the peer pods of the same namespace on these ports; true where no such policy selects them.
     */
    private boolean allows(String type, Map<String, String> pods, Map<String, String> peers, Ports ports) {
        String peerField = type.equals("Egress") ? "to" : "from";
        boolean restricted = false;
        for (Manifest np : of("NetworkPolicy")) {
            if (!selects(np.spec().path("podSelector"), pods) || !texts(np.spec().path("policyTypes")).contains(type)) {
                continue;
            }
            restricted = true;
            for (JsonNode rule : np.spec().path(type.toLowerCase())) {
                boolean peer = rule.path(peerField).isEmpty();
                for (JsonNode p : rule.path(peerField)) {
                    peer |= p.has("podSelector") && !p.has("namespaceSelector") && !p.has("ipBlock")
                            && selects(p.path("podSelector"), peers);
                }
                boolean port = rule.path("ports").isEmpty();
                for (JsonNode p : rule.path("ports")) {
                    port |= ports.matches(p.path("port"));
                }
                if (peer && port) {
                    return true;
                }
            }
        }
        return !restricted;
    }

    /** Whether the egress policies selecting these pods allow some destination on this port (a backend anywhere). */
    private boolean egressAllowsPort(Map<String, String> from, int port) {
        boolean restricted = false;
        for (Manifest np : of("NetworkPolicy")) {
            if (!selects(np.spec().path("podSelector"), from) || !texts(np.spec().path("policyTypes")).contains("Egress")) {
                continue;
            }
            restricted = true;
            for (JsonNode rule : np.spec().path("egress")) {
                if (rule.path("ports").isEmpty()) {
                    return true;
                }
                for (JsonNode p : rule.path("ports")) {
                    if (p.path("port").isInt() && p.path("port").asInt() <= port
                            && port <= p.path("endPort").asInt(p.path("port").asInt())) {
                        return true;
                    }
                }
            }
        }
        return !restricted;
    }

    /** The container named like the Deployment's app, or the first one. */
    private static JsonNode mainContainer(Manifest d) {
        JsonNode containers = d.spec().path("template").path("spec").path("containers");
        for (JsonNode c : containers) {
            if (c.path("name").asText().equals(app(d))) {
                return c;
            }
        }
        return containers.path(0);
    }

    /** The Secret an env variable of the container is taken from by name (valueFrom.secretKeyRef), or null. */
    private static String secretRef(JsonNode c, String variable) {
        for (JsonNode e : c.path("env")) {
            if (e.path("name").asText().equals(variable)) {
                return e.path("valueFrom").path("secretKeyRef").path("name").asText(null);
            }
        }
        return null;
    }

    private static String app(Manifest d) {
        return d.podLabels().getOrDefault("app", d.name());
    }

    // ---------------------------------------------------------------- the OpenTelemetry Collector and the services' traces

    private void tracing() {
        List<Manifest> services = of("Deployment").stream()
                .filter(d -> ServiceConfig.load(repoRoot, app(d)).isPresent()).toList();
        List<Manifest> collectors = of("Deployment").stream().filter(d -> app(d).equals(OTEL_COLLECTOR.app())).toList();
        if (collectors.isEmpty()) {
            for (Manifest d : services) {
                if (!tracingOff(environment(mainContainer(d)))) {
                    add("tracing", d, "exports traces, but no OpenTelemetry Collector (a Deployment with app="
                            + OTEL_COLLECTOR.app() + ") is in the manifests");
                }
            }
            return;
        }
        Manifest collector = collectors.get(0);
        JsonNode c = mainContainer(collector);
        String image = ImageRef.parse(c.path("image").asText("")).name();
        if (!image.equals(OTEL_COLLECTOR.image())) {
            add("tracing", collector, "image " + c.path("image").asText() + " is not " + OTEL_COLLECTOR.image());
        }
        List<String> args = new ArrayList<>(texts(c.path("command")));
        args.addAll(texts(c.path("args")));
        CollectorConfig config = CollectorConfig.load(args, path -> mountedFile(collector, c, path), environment(c));
        config.problems().forEach(p -> add("tracing", collector, p));

        Map<String, Integer> declared = new HashMap<>();
        c.path("ports").forEach(p -> declared.put(p.path("name").asText(), p.path("containerPort").asInt()));
        for (int port : List.of(config.grpcPort(), config.httpPort())) {
            if (port > 0 && !declared.containsValue(port)) {
                add("tracing", collector, "the otlp receiver listens on " + port + ", which the container does not declare");
            }
        }
        for (String probe : OTEL_COLLECTOR.probes().keySet()) {
            JsonNode http = c.path(probe).path("httpGet");
            JsonNode port = http.path("port");
            int number = port.isTextual() ? declared.getOrDefault(port.asText(), -1) : port.asInt(-1);
            if (http.isObject() && config.healthPort() > 0 && number != config.healthPort()) {
                add("tracing", collector, probe + " asks port " + port.asText() + ", the health_check extension listens on "
                        + config.healthPort());
            }
            if (http.isObject() && !http.path("path").asText("/").equals(config.healthPath())) {
                add("tracing", collector, probe + " asks " + http.path("path").asText() + ", the health_check extension answers on "
                        + config.healthPath());
            }
        }
        for (String exporter : config.exporters("traces")) {
            String type = exporter.split("/")[0];
            String endpoint = config.endpoint(exporter);
            if ((type.equals("otlp") || type.equals("otlphttp")) && endpoint != null) {
                int port = endpoint.matches("https?://[^/:]+(/.*)?") ? (endpoint.startsWith("https") ? 443 : 80)
                        : CollectorConfig.port(endpoint);
                if (port < 0) {
                    add("tracing", collector, "exporter " + exporter + " sends to '" + endpoint + "', which has no host:port");
                } else if (!egressAllowsPort(collector.podLabels(), port)) {
                    add("tracing", collector, "exporter " + exporter + " sends to " + endpoint
                            + ", but its NetworkPolicies allow no egress on port " + port);
                }
            }
        }

        Manifest service = of("Service").stream().filter(s -> selects(s.spec().path("selector"), collector.podLabels(), true))
                .findFirst().orElse(null);
        if (service == null) {
            return; // companions() reports a Deployment without a Service
        }
        int grpc = servicePort(service, collector, config.grpcPort());
        int http = servicePort(service, collector, config.httpPort());
        if (grpc < 0) {
            add("tracing", service, "no port leads to the otlp receiver's gRPC port " + config.grpcPort());
        }
        for (Manifest d : services) {
            Map<String, String> env = environment(mainContainer(d));
            if (tracingOff(env)) {
                continue;
            }
            String variable = env.containsKey("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                    ? "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" : "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT";
            boolean overHttp = env.getOrDefault("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "grpc").startsWith("http");
            int wanted = overHttp ? http : grpc;
            String expected = "http://" + service.name() + ":" + wanted;
            String endpoint = env.get(variable);
            if (endpoint == null) {
                add("tracing", d, variable + " is not set: its traces go to " + OTLP_DEFAULT_ENDPOINT
                        + ", where nothing listens (the collector is " + expected + ")");
                continue;
            }
            URI uri = httpUrl(endpoint);
            if (uri == null) {
                add("tracing", d, variable + "=" + endpoint + " is not an http(s) URL (" + expected + ")");
                continue;
            }
            if (!uri.getHost().split("\\.")[0].equals(service.name()) || port(uri) != wanted) {
                add("tracing", d, variable + "=" + endpoint + " is not the collector's Service ("
                        + expected + (overHttp ? ", OTLP/HTTP" : ", OTLP/gRPC") + ")");
                continue;
            }
            if (!egressAllows(d.podLabels(), collector, uri)) {
                add("tracing", d, "its NetworkPolicies do not let it reach the collector's pods (" + endpoint + ")");
            }
            if (!ingressAllows(collector, d.podLabels(), uri)) {
                add("tracing", collector, "its NetworkPolicies do not admit the traces of " + d.name() + " (" + endpoint + ")");
            }
        }
    }

    private static boolean tracingOff(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.get("QUARKUS_OTEL_SDK_DISABLED"));
    }

    /** The Service's port leading to this container port of the target, or -1. */
    private int servicePort(Manifest service, Manifest target, int containerPort) {
        for (JsonNode p : service.spec().path("ports")) {
            int port = p.path("port").asInt();
            if (targetPorts(target, port).numbers().contains(containerPort)) {
                return port;
            }
        }
        return -1;
    }

    /** The text of a file a container sees at this path, when a ConfigMap volume puts it there; otherwise null. */
    private String mountedFile(Manifest d, JsonNode c, String path) {
        for (JsonNode m : c.path("volumeMounts")) {
            String mount = m.path("mountPath").asText().replaceFirst("/$", "");
            String key;
            if (m.has("subPath") && path.equals(mount)) {
                key = m.path("subPath").asText();
            } else if (!m.has("subPath") && path.startsWith(mount + "/")) {
                key = path.substring(mount.length() + 1);
            } else {
                continue;
            }
            for (JsonNode v : d.spec().path("template").path("spec").path("volumes")) {
                if (!v.path("name").asText().equals(m.path("name").asText()) || !v.has("configMap")) {
                    continue;
                }
                JsonNode items = v.path("configMap").path("items");
                String dataKey = items.isEmpty() ? key : null;
                for (JsonNode item : items) {
                    if (item.path("path").asText().equals(key)) {
                        dataKey = item.path("key").asText();
                    }
                }
                String name = v.path("configMap").path("name").asText();
                String k = dataKey;
                return k == null ? null : named("ConfigMap", name).map(cm -> cm.tree().path("data").path(k).asText(null)).orElse(null);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- helpers

    private List<Manifest> of(String kind) {
        return all.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private Optional<Manifest> named(String kind, String name) {
        return all.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
    }

    private static boolean selects(JsonNode labelSelector, Map<String, String> labels) {
        return selects(labelSelector.path("matchLabels"), labels, false)
                && expressions(labelSelector.path("matchExpressions"), labels);
    }

    /** A plain map selector (Service) or matchLabels; an empty selector selects everything unless strict. */
    private static boolean selects(JsonNode matchLabels, Map<String, String> labels, boolean emptySelectsNothing) {
        Map<String, String> wanted = Manifest.stringMap(matchLabels);
        if (wanted.isEmpty()) {
            return !emptySelectsNothing;
        }
        return labels.entrySet().containsAll(wanted.entrySet());
    }

    private static boolean expressions(JsonNode exprs, Map<String, String> labels) {
        for (JsonNode e : exprs) {
            String value = labels.get(e.path("key").asText());
            List<String> values = texts(e.path("values"));
            boolean ok = switch (e.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> list.add(n.asText()));
        }
        return list;
    }

    private void add(String rule, Manifest m, String message) {
        violations.add(new Violation(rule, m.id(), message));
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
