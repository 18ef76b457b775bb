package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks docker-compose.yml as far as possible without Docker: the infrastructure services and every Quarkus
 * service are there, each long-running one has a healthcheck, dependencies wait on health or completion,
 * and each service's port, database and topics agree with its application.properties (read, not changed);
 * credentials are only ${VAR:-default} interpolations. Keycloak runs in production mode on its PostgreSQL
 * database, imports the realm file it mounts, and every service verifies tokens of that realm: issuer =
 * Keycloak's KC_HOSTNAME + /realms/&lt;realm&gt;, keys from the realm's discovery document on the compose network.
 * The OpenTelemetry Collector runs a sound configuration ({@link CollectorConfig}, read from the files it mounts)
 * and every service exports its traces to it (QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT) and starts after it.
 */
public final class ComposeValidator {

    /** A service built from a module of this repository (build.context names it). */
    private static final Pattern TOPIC = Pattern.compile("create\\s+([A-Za-z0-9._-]+)\\s+(\\d+)");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{[A-Z0-9_]+:-[^}]*}");
    private static final Pattern CREATE_DB = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?([a-z0-9_]+)\"?");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}");
    private static final Pattern REALM_PATH = Pattern.compile("/realms/([^/]+)/?");

    /** What the services must agree with: Keycloak's compose name, public URL, HTTP port and imported realm. */
    private record Keycloak(String name, String hostname, int port, String realm) {
    }

    /** The collector's compose name and the ports of its OTLP receiver. */
    private record Collector(String name, int grpcPort, int httpPort) {
    }

    /**
     * Images that cannot have a healthcheck: the collector's has neither a shell nor an HTTP client (and no
     * health subcommand). Dependants wait for it to be started (service_started), the most there is to wait for.
     */
    private static final Set<String> NO_HEALTHCHECK_IMAGES = Set.of(PolicyRules.OTEL_COLLECTOR.image());

    private final Path repoRoot;
    private final List<Violation> violations = new ArrayList<>();
    private String file = "docker-compose.yml";
    private Keycloak keycloak;
    private Collector collector;

    public ComposeValidator(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    public List<Violation> validate(Path composeFile) {
        try {
            return validate(Files.readString(composeFile), composeFile.toAbsolutePath().getParent(),
                    repoRoot.relativize(composeFile.toAbsolutePath().normalize()).toString());
        } catch (IOException e) {
            return List.of(new Violation("compose", composeFile.toString(), "unreadable: " + e.getMessage()));
        }
    }

    /** Validates compose YAML whose relative paths (build contexts, volumes) start at baseDir. */
    public List<Violation> validate(String yaml, Path baseDir, String fileName) {
        violations.clear();
        file = fileName;
        JsonNode root;
        try {
            root = parse(yaml);
        } catch (RuntimeException e) {
            add(file, "unparseable: " + e.getMessage());
            return List.copyOf(violations);
        }
        JsonNode services = root.path("services");
        if (!services.isObject() || services.isEmpty()) {
            add(file, "no services");
            return List.copyOf(violations);
        }
        Path base = baseDir.toAbsolutePath().normalize();
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        services.properties().forEach(e -> byName.put(e.getKey(), e.getValue()));

        JsonNode postgres = requireImage(byName, "postgres", "postgres:17");
        JsonNode kafka = requireImage(byName, "kafka", "apache/kafka:4.1.1");
        Set<String> databases = postgres == null ? Set.of() : initDatabases(base, postgres);
        Map<String, Integer> topics = topics(byName);
        JsonNode idp = requireImage(byName, PolicyRules.KEYCLOAK.app(), PolicyRules.KEYCLOAK.image() + ":");
        keycloak = idp == null ? null : keycloak(idp, base, databases, byName);
        JsonNode otel = requireImage(byName, PolicyRules.OTEL_COLLECTOR.app(), PolicyRules.OTEL_COLLECTOR.image() + ":");
        collector = otel == null ? null : collector(otel, base, byName);

        for (var e : byName.entrySet()) {
            String name = e.getKey();
            JsonNode svc = e.getValue();
            boolean oneShot = svc.path("restart").asText("").equals("no") && !svc.has("ports");
            if (!oneShot && !svc.has("healthcheck") && !cannotHaveHealthcheck(svc)) {
                add(name, "has no healthcheck (dependants could not wait for it)");
            }
            if (svc.has("healthcheck") && svc.path("healthcheck").path("test").isMissingNode()) {
                add(name, "healthcheck has no test");
            }
            JsonNode deps = svc.path("depends_on");
            if (deps.isArray()) {
                add(name, "depends_on is a list: use the long form with condition: service_healthy / service_completed_successfully");
            }
            deps.properties().forEach(d -> {
                JsonNode target = byName.get(d.getKey());
                String condition = d.getValue().path("condition").asText("");
                if (target == null) {
                    add(name, "depends on unknown service " + d.getKey());
                } else if (condition.equals("service_healthy") && !target.has("healthcheck")) {
                    add(name, "waits for " + d.getKey() + " to be healthy, but it has no healthcheck");
                } else if (!condition.equals("service_healthy") && !condition.equals("service_completed_successfully")
                        && !(condition.equals("service_started") && cannotHaveHealthcheck(target))) {
                    add(name, "depends on " + d.getKey() + " with condition '" + condition
                            + "': use service_healthy or service_completed_successfully (service_started only for a "
                            + "service that cannot have a healthcheck)");
                }
            });
            credentials(name, svc);
            String context = svc.path("build").path("context").asText(null);
            if (context != null) {
                quarkusService(name, svc, base.resolve(context).normalize(), databases, topics, byName);
            }
        }
        if (kafka != null && topics.isEmpty()) {
            add(file, "no one-shot service creates the topics (kafka-topics.sh --create ...)");
        }
        return List.copyOf(violations);
    }

    /** Topics created by the one-shot service, with partitions (lines "create NAME PARTITIONS"). */
    public static Map<String, Integer> topics(Map<String, JsonNode> services) {
        Map<String, Integer> topics = new TreeMap<>();
        for (JsonNode svc : services.values()) {
            String command = String.join("\n", PolicyRules.texts(svc.path("command").isTextual()
                    ? new YAMLMapper().createArrayNode().add(svc.path("command").asText()) : svc.path("command")));
            if (!command.contains("kafka-topics.sh")) {
                continue;
            }
            Matcher m = TOPIC.matcher(command);
            while (m.find()) {
                topics.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return topics;
    }

    public static Map<String, Integer> topics(Path composeFile) throws IOException {
        JsonNode root = read(composeFile);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        root.path("services").properties().forEach(e -> byName.put(e.getKey(), e.getValue()));
        return topics(byName);
    }

    /** SnakeYAML, because compose files use merge keys (<<: *anchor), which Jackson's YAML reader does not apply. */
    static JsonNode read(Path composeFile) throws IOException {
        return parse(Files.readString(composeFile));
    }

    static JsonNode parse(String yaml) {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object tree = new org.yaml.snakeyaml.Yaml(options).load(yaml);
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(tree);
    }

    private void quarkusService(String name, JsonNode svc, Path context, Set<String> databases,
                                Map<String, Integer> topics, Map<String, JsonNode> byName) {
        String module = context.getFileName().toString();
        Optional<ServiceConfig> loaded = ServiceConfig.load(repoRoot, module);
        if (loaded.isEmpty()) {
            add(name, "build context " + context + " is not a service module with an application.properties");
            return;
        }
        ServiceConfig sc = loaded.get();
        Path dockerfile = context.resolve(svc.path("build").path("dockerfile").asText("Dockerfile"));
        if (!Files.isRegularFile(dockerfile)) {
            add(name, "Dockerfile " + repoRoot.relativize(dockerfile) + " does not exist");
        }
        Map<String, String> env = environment(svc.path("environment"));
        String port = env.getOrDefault("QUARKUS_HTTP_PORT", String.valueOf(sc.httpPort()));
        if (!port.equals(String.valueOf(sc.httpPort()))) {
            add(name, "QUARKUS_HTTP_PORT=" + port + " but " + module + " serves on quarkus.http.port=" + sc.httpPort());
        }
        boolean published = false;
        for (JsonNode p : svc.path("ports")) {
            String mapping = p.isTextual() ? p.asText() : p.path("published").asText() + ":" + p.path("target").asText();
            published |= mapping.endsWith(":" + port) || mapping.equals(port);
        }
        if (!published) {
            add(name, "does not publish its port " + port);
        }
        String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null) {
            add(name, "has no QUARKUS_DATASOURCE_JDBC_URL");
        } else {
            String db = PolicyRules.Jdbc.database(url);
            String host = PolicyRules.Jdbc.host(url);
            if (sc.database() != null && !db.equals(sc.database())) {
                add(name, "uses database '" + db + "' but " + module + "'s application.properties uses '" + sc.database() + "'");
            }
            if (!databases.contains(db)) {
                add(name, "database '" + db + "' is not created by the PostgreSQL init script " + databases);
            }
            if (!byName.containsKey(host)) {
                add(name, "JDBC host '" + host + "' is not a compose service");
            } else if (!svc.path("depends_on").path(host).path("condition").asText().equals("service_healthy")) {
                add(name, "does not wait for " + host + " to be healthy");
            }
        }
        for (String required : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS")) {
            if (!env.containsKey(required)) {
                add(name, "has no " + required);
            }
        }
        String kafkaHost = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(":")[0];
        if (!byName.containsKey(kafkaHost)) {
            add(name, "KAFKA_BOOTSTRAP_SERVERS host '" + kafkaHost + "' is not a compose service");
        } else if (!svc.path("depends_on").path(kafkaHost).path("condition").asText().equals("service_healthy")) {
            add(name, "does not wait for " + kafkaHost + " to be healthy");
        }
        boolean waitsForTopics = false;
        for (var d : iterable(svc.path("depends_on"))) {
            waitsForTopics |= d.getValue().path("condition").asText().equals("service_completed_successfully")
                    && String.join(" ", PolicyRules.texts(byName.getOrDefault(d.getKey(), svc).path("command"))).contains("kafka-topics.sh");
        }
        if (!waitsForTopics) {
            add(name, "does not wait for the topic creation to complete (service_completed_successfully)");
        }
        for (String topic : sc.topics()) {
            if (!topics.containsKey(topic)) {
                add(name, module + " uses topic " + topic + " but the compose file does not create it");
            }
        }
        String health = String.join(" ", PolicyRules.texts(svc.path("healthcheck").path("test")));
        if (!health.contains("/q/health/ready")) {
            add(name, "healthcheck does not ask /q/health/ready");
        }
        if (!health.contains(port) && !health.contains("QUARKUS_HTTP_PORT")) {
            add(name, "healthcheck does not target the service's port " + port);
        }
        tokens(name, svc, module, env);
        traces(name, svc, env);
    }

    private static boolean cannotHaveHealthcheck(JsonNode svc) {
        return NO_HEALTHCHECK_IMAGES.contains(ImageRef.parse(svc.path("image").asText("")).name());
    }

    /** The collector's configuration, read from the files it mounts; returns what the services must match. */
    private Collector collector(JsonNode svc, Path base, Map<String, JsonNode> byName) {
        String name = PolicyRules.OTEL_COLLECTOR.app();
        List<String> args = svc.path("command").isTextual() ? List.of(svc.path("command").asText().split("\\s+"))
                : PolicyRules.texts(svc.path("command"));
        Map<String, String> env = new HashMap<>();
        environment(svc.path("environment")).forEach((k, v) -> env.put(k, defaults(v)));
        CollectorConfig config = CollectorConfig.load(args, path -> mountedFile(svc, base, path), env);
        config.problems().forEach(p -> add(name, p));
        for (String exporter : config.exporters("traces")) {
            String endpoint = config.endpoint(exporter);
            String host = endpoint == null ? "" : CollectorConfig.host(endpoint);
            if (exporter.split("/")[0].equals("otlp") && !host.isEmpty() && !host.contains(".") && !byName.containsKey(host)) {
                add(name, "exporter " + exporter + " sends to " + endpoint + ", but " + host + " is not a compose service");
            }
        }
        return new Collector(name, config.grpcPort(), config.httpPort());
    }

    /** The text of a host file a bind mount puts at this container path, or null. */
    private static String mountedFile(JsonNode svc, Path base, String path) {
        for (JsonNode v : svc.path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts.length < 2) {
                continue;
            }
            String target = parts[1].replaceFirst("/$", "");
            Path file = path.equals(target) ? base.resolve(parts[0])
                    : path.startsWith(target + "/") ? base.resolve(parts[0]).resolve(path.substring(target.length() + 1)) : null;
            if (file != null && Files.isRegularFile(file.normalize())) {
                try {
                    return Files.readString(file.normalize());
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A service exports its traces to the collector on the compose network and starts after it. */
    private void traces(String name, JsonNode svc, Map<String, String> env) {
        if ("true".equalsIgnoreCase(defaults(env.getOrDefault("QUARKUS_OTEL_SDK_DISABLED", ""))) || collector == null) {
            return;
        }
        boolean overHttp = env.getOrDefault("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "grpc").startsWith("http");
        String expected = "http://" + collector.name() + ":" + (overHttp ? collector.httpPort() : collector.grpcPort());
        String endpoint = env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
        if (endpoint == null) {
            add(name, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT is not set: its traces go to " + PolicyRules.OTLP_DEFAULT_ENDPOINT
                    + ", its own container (the collector is " + expected + ")");
        } else if (!defaults(endpoint).replaceFirst("/$", "").equals(expected)) {
            add(name, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint + " is not the collector on the compose network ("
                    + expected + ")");
        }
        if (!svc.path("depends_on").has(collector.name())) {
            add(name, "does not depend on " + collector.name() + " (it would start before its traces' collector)");
        }
    }

    /** Keycloak in production mode on its database, with its realm file; returns what the services must match. */
    private Keycloak keycloak(JsonNode svc, Path base, Set<String> databases, Map<String, JsonNode> byName) {
        String name = PolicyRules.KEYCLOAK.app();
        List<String> command = svc.path("command").isTextual() ? List.of(svc.path("command").asText().split("\\s+"))
                : PolicyRules.texts(svc.path("command"));
        if (command.contains("start-dev")) {
            add(name, "runs start-dev (development mode); run 'start' as in production");
        } else if (!command.contains("start")) {
            add(name, "does not run 'start' (command " + command + ")");
        }
        if (!command.contains("--import-realm")) {
            add(name, "does not import the realm at start-up (--import-realm)");
        }
        Map<String, String> env = environment(svc.path("environment"));
        PolicyRules.KEYCLOAK_REQUIRED_ENV.forEach((k, v) -> {
            if (!v.equals(env.get(k))) {
                add(name, k + "=" + env.get(k) + ", must be " + v);
            }
        });
        for (String required : List.of("KC_DB_USERNAME", "KC_DB_PASSWORD", "KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            if (!env.containsKey(required)) {
                add(name, "has no " + required);
            }
        }
        String url = env.get("KC_DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            add(name, "KC_DB_URL=" + url + " is not a PostgreSQL JDBC URL");
        } else {
            String db = PolicyRules.Jdbc.database(url);
            String host = PolicyRules.Jdbc.host(url);
            if (!db.equals(PolicyRules.KEYCLOAK.database())) {
                add(name, "uses database '" + db + "', Keycloak's is '" + PolicyRules.KEYCLOAK.database() + "'");
            }
            if (!databases.contains(db)) {
                add(name, "database '" + db + "' is not created by the PostgreSQL init script " + databases);
            }
            if (!byName.containsKey(host)) {
                add(name, "JDBC host '" + host + "' is not a compose service");
            } else if (!svc.path("depends_on").path(host).path("condition").asText().equals("service_healthy")) {
                add(name, "does not wait for " + host + " to be healthy");
            }
        }
        String health = String.join(" ", PolicyRules.texts(svc.path("healthcheck").path("test")));
        if (!health.contains("/health/ready") || !health.contains("9000")) {
            add(name, "healthcheck does not ask /health/ready on the management port 9000");
        }
        String published = null;
        for (JsonNode p : svc.path("ports")) {
            String mapping = defaults(p.isTextual() ? p.asText() : p.path("published").asText() + ":" + p.path("target").asText());
            if (mapping.endsWith(":8080")) {
                published = mapping.substring(0, mapping.length() - ":8080".length()).replaceFirst("^.*:", "");
            }
        }
        if (published == null) {
            add(name, "does not publish its HTTP port 8080");
        }
        String hostname = defaults(env.getOrDefault("KC_HOSTNAME", ""));
        URI publicUrl = hostname.matches("https?://[^/]+/?") ? URI.create(hostname) : null;
        if (publicUrl == null) {
            add(name, "KC_HOSTNAME=" + env.get("KC_HOSTNAME") + " is not the public URL (scheme://host[:port])");
        } else if (published != null && !String.valueOf(publicUrl.getPort()).equals(published)) {
            add(name, "KC_HOSTNAME=" + hostname + " is not on the published port " + published
                    + " (tokens would name an issuer nobody reaches)");
        }
        String realm = null;
        for (JsonNode v : svc.path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts.length < 2 || !parts[1].startsWith(PolicyRules.REALM_IMPORT_DIR + "/")) {
                continue;
            }
            if (parts.length < 3 || !parts[2].equals("ro")) {
                add(name, "mounts " + parts[0] + " writable; the realm file is mounted read-only (:ro)");
            }
            Path realmFile = base.resolve(parts[0]).normalize();
            try {
                realm = new ObjectMapper().readTree(Files.readString(realmFile)).path("realm").asText(null);
            } catch (IOException e) {
                add(name, "realm file " + parts[0] + " is unreadable: " + e.getMessage());
            }
        }
        if (realm == null) {
            add(name, "mounts no realm file under " + PolicyRules.REALM_IMPORT_DIR + "/: --import-realm imports nothing");
        }
        return new Keycloak(name, hostname.replaceFirst("/$", ""), 8080, realm);
    }

    /** A service verifies tokens of Keycloak's realm and fetches the keys from it over the compose network. */
    private void tokens(String name, JsonNode svc, String module, Map<String, String> env) {
        if (!"true".equals(env.get("TIC_SECURITY_OIDC_DISCOVERY"))) {
            add(name, "TIC_SECURITY_OIDC_DISCOVERY=" + env.get("TIC_SECURITY_OIDC_DISCOVERY")
                    + ": the keys must come from the issuer's discovery document (true)");
        }
        if (env.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            add(name, "sets MP_JWT_VERIFY_PUBLICKEY_LOCATION; the keys come from the discovery document (jwks_uri)");
        }
        if (keycloak == null) {
            return;
        }
        String discovery = env.getOrDefault("TIC_SECURITY_OIDC_DISCOVERY_URL", "");
        String realm = null;
        if (onKeycloak(name, svc, "TIC_SECURITY_OIDC_DISCOVERY_URL", discovery)) {
            Matcher m = REALM_PATH.matcher(URI.create(discovery).getPath());
            if (!m.matches()) {
                add(name, "TIC_SECURITY_OIDC_DISCOVERY_URL=" + discovery + " is not a realm's URL (.../realms/<realm>)");
            } else {
                realm = m.group(1);
                if (keycloak.realm() != null && !realm.equals(keycloak.realm())) {
                    add(name, "discovers realm '" + realm + "' but Keycloak imports realm '" + keycloak.realm() + "'");
                }
            }
        }
        String issuer = defaults(env.getOrDefault("MP_JWT_VERIFY_ISSUER", ""));
        String expected = keycloak.hostname() + "/realms/" + (realm != null ? realm : keycloak.realm());
        if (!issuer.equals(expected)) {
            add(name, "MP_JWT_VERIFY_ISSUER=" + env.get("MP_JWT_VERIFY_ISSUER") + " but Keycloak issues its tokens as "
                    + expected + " (KC_HOSTNAME + /realms/<realm>)");
        }
        if (PolicyRules.IDENTITY_ADMINS.contains(module)) {
            onKeycloak(name, svc, "TIC_IDENTITY_PROVIDER_URL", env.getOrDefault("TIC_IDENTITY_PROVIDER_URL", ""));
            String adminRealm = env.get("TIC_IDENTITY_PROVIDER_REALM");
            if (keycloak.realm() != null && !keycloak.realm().equals(adminRealm)) {
                add(name, "TIC_IDENTITY_PROVIDER_REALM=" + adminRealm + " is not the imported realm " + keycloak.realm());
            }
            for (String required : List.of("TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_ID", "TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_SECRET")) {
                if (env.getOrDefault(required, "").isBlank()) {
                    add(name, "has no " + required);
                }
            }
        }
    }

    /** The URL is Keycloak's on the compose network and the service waits for it to be healthy. */
    private boolean onKeycloak(String name, JsonNode svc, String variable, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null) {
            add(name, variable + "=" + value + " is not a URL");
            return false;
        }
        if (!uri.getHost().equals(keycloak.name()) || uri.getPort() != keycloak.port()) {
            add(name, variable + "=" + value + " is not Keycloak on the compose network (http://" + keycloak.name()
                    + ":" + keycloak.port() + ")");
            return false;
        }
        if (!svc.path("depends_on").path(keycloak.name()).path("condition").asText().equals("service_healthy")) {
            add(name, "does not wait for " + keycloak.name() + " to be healthy");
        }
        return true;
    }

    /** ${VAR:-default} replaced by its default: the value without an environment. */
    static String defaults(String value) {
        return DEFAULTED.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node.properties();
    }

    private Set<String> initDatabases(Path base, JsonNode postgres) {
        Set<String> dbs = new java.util.TreeSet<>();
        for (JsonNode v : postgres.path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts.length >= 2 && parts[1].equals("/docker-entrypoint-initdb.d")) {
                Path dir = base.resolve(parts[0]).normalize();
                if (!Files.isDirectory(dir)) {
                    add("postgres", "init folder " + parts[0] + " does not exist");
                    continue;
                }
                try (var files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        Matcher m = CREATE_DB.matcher(Files.readString(f));
                        while (m.find()) {
                            dbs.add(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    add("postgres", "cannot read " + dir + ": " + e.getMessage());
                }
            }
        }
        if (dbs.isEmpty()) {
            add("postgres", "no init script under /docker-entrypoint-initdb.d creates the services' databases");
        }
        return dbs;
    }

    private void credentials(String name, JsonNode svc) {
        environment(svc.path("environment")).forEach((k, v) -> {
            if (k.matches("(?i).*(PASSWORD|SECRET|TOKEN).*") && !INTERPOLATION.matcher(v).matches()) {
                add(name, k + " is a literal: use ${VARIABLE:-local-default} so it can be overridden");
            }
        });
    }

    private JsonNode requireImage(Map<String, JsonNode> services, String name, String imagePrefix) {
        JsonNode svc = services.get(name);
        if (svc == null) {
            add(file, "no '" + name + "' service");
            return null;
        }
        if (!svc.path("image").asText().startsWith(imagePrefix)) {
            add(name, "image " + svc.path("image").asText() + " is not " + imagePrefix + "*");
        }
        return svc;
    }

    static Map<String, String> environment(JsonNode env) {
        Map<String, String> map = new HashMap<>();
        if (env.isArray()) {
            for (JsonNode e : env) {
                String[] kv = e.asText().split("=", 2);
                map.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        } else {
            env.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    private void add(String object, String message) {
        violations.add(new Violation("compose", object, message));
    }
}
