package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the alerts and the dashboard may use, and where they live: the metric names the services really export
 * (each with the evidence for it, which {@code MetricNamesTest} re-checks against the code), the PrometheusRule
 * groups of the rendered overlay as a plain Prometheus rule file for promtool, and a small PromQL scanner that
 * lists the metric names an expression reads.
 */
final class Monitoring {

    private Monitoring() {
    }

    /** The overlay that deploys components/prometheus-operator. */
    static final String OVERLAY = "prod-operators";
    static final Path COMPONENT = Path.of("deploy/k8s/components/prometheus-operator");
    static final Path DASHBOARD = COMPONENT.resolve("grafana/tic-platform.json");
    /** promtool unit tests, one file per alert: {@code <alert>.test.yaml}. */
    static final Path RULE_TESTS = Path.of("deploy-tests/src/test/resources/prometheus");
    /** The file name the unit tests' {@code rule_files} refer to. */
    static final String RULES_FILE = "tic-alerts.rules.yaml";

    /** A file of the repository that must contain this text for the metric to exist. */
    record Evidence(String file, String text) {
    }

    /** A metric name the alerts and the dashboard may use, where it comes from, and the proof in the code. */
    record Exported(String name, String origin, List<Evidence> evidence) {
    }

    private static final List<String> SERVICES = Repo.SERVICES;
    /** The services with Kafka consumers (membership-service only publishes). */
    private static final List<String> CONSUMERS = List.of("project-service", "kpi-service", "delivery-service");

    private static List<Evidence> inEach(List<String> services, String file, String text) {
        return services.stream().map(s -> new Evidence(s + "/" + file, text)).toList();
    }

    private static final String OUTBOX = "platform-commons/src/main/java/org/tic/commons/outbox/OutboxRelay.java";
    private static final String CONSUMER = "platform-commons/src/main/java/org/tic/commons/event/IdempotentConsumer.java";
    private static final String RATE_LIMIT = "platform-commons/src/main/java/org/tic/commons/ratelimit/RateLimitFilter.java";
    private static final String HISTOGRAM = "platform-commons/src/main/java/org/tic/commons/rest/HttpServerHistogram.java";
    private static final String PROPERTIES = "src/main/resources/application.properties";

    /**
     * The one list of allowed metric names. Micrometer's Prometheus naming: dots become underscores, a base unit
     * is appended ("seconds", "bytes"), counters get "_total", timers "_seconds_count/_sum/_max". Timers have no
     * "_bucket" series: no service enables percentile histograms (no MeterFilter, no property), so there is no p99.
     */
    static final List<Exported> EXPORTED = List.of(
            // OutboxRelay.onStart: Gauge "tic.outbox.pending" tagged topic (every replica reads it from the table).
            new Exported("tic_outbox_pending", "OutboxRelay gauge tic.outbox.pending",
                    List.of(new Evidence(OUTBOX, "Gauge.builder(\"tic.outbox.pending\""))),
            // OutboxRelay.onStart: Gauge "tic.outbox.oldest.pending.age" with baseUnit("seconds").
            new Exported("tic_outbox_oldest_pending_age_seconds", "OutboxRelay gauge tic.outbox.oldest.pending.age (seconds)",
                    List.of(new Evidence(OUTBOX, "Gauge.builder(\"tic.outbox.oldest.pending.age\""),
                            new Evidence(OUTBOX, ".baseUnit(\"seconds\")"))),
            // OutboxRelay.onStart: Counter "tic.outbox.published", registered at start (so it starts at 0).
            new Exported("tic_outbox_published_total", "OutboxRelay counter tic.outbox.published",
                    List.of(new Evidence(OUTBOX, "Counter.builder(\"tic.outbox.published\")"))),
            // OutboxRelay.onStart: Counter "tic.outbox.publish.failures", registered at start.
            new Exported("tic_outbox_publish_failures_total", "OutboxRelay counter tic.outbox.publish.failures",
                    List.of(new Evidence(OUTBOX, "Counter.builder(\"tic.outbox.publish.failures\")"))),
            // IdempotentConsumer.count: counter "tic.events.consumed" tagged consumer and result
            // (applied, duplicate, poison, failed), created on the first event of each result.
            new Exported("tic_events_consumed_total", "IdempotentConsumer counter tic.events.consumed",
                    List.of(new Evidence(CONSUMER, "registry.counter(\"tic.events.consumed\", \"consumer\", consumer, \"result\", result)"))),
            // RateLimitFilter.rejected: Counter "tic.rate.limit.rejected" tagged policy.
            new Exported("tic_rate_limit_rejected_total", "RateLimitFilter counter tic.rate.limit.rejected",
                    List.of(new Evidence(RATE_LIMIT, "Counter.builder(\"tic.rate.limit.rejected\")"))),
            // Quarkus' HTTP server binder: timer http.server.requests tagged method, uri, status, outcome.
            new Exported("http_server_requests_seconds_count", "Quarkus HTTP server binder (timer http.server.requests)",
                    inEach(SERVICES, PROPERTIES, "quarkus.micrometer.binder.http-server.enabled=true")),
            new Exported("http_server_requests_seconds_sum", "Quarkus HTTP server binder (timer http.server.requests)",
                    inEach(SERVICES, PROPERTIES, "quarkus.micrometer.binder.http-server.enabled=true")),
            new Exported("http_server_requests_seconds_max", "Quarkus HTTP server binder (timer http.server.requests)",
                    inEach(SERVICES, PROPERTIES, "quarkus.micrometer.binder.http-server.enabled=true")),
            // platform-commons HttpServerHistogram: fixed latency buckets (serviceLevelObjectives) on that timer.
            new Exported("http_server_requests_seconds_bucket", "latency buckets of http.server.requests (platform-commons HttpServerHistogram)",
                    List.of(new Evidence(HISTOGRAM, "static final String METER = \"http.server.requests\";"))),
            // Quarkus' Kafka binder binds Micrometer's KafkaClientMetrics to every consumer SmallRye creates (its
            // KafkaCDIEvents). Name = "kafka." + group + "." + name, "-metrics" dropped, '-' -> '.': the client's
            // per-partition "records-lag" (group consumer-fetch-manager-metrics, tags client-id, topic, partition).
            new Exported("kafka_consumer_fetch_manager_records_lag", "Kafka client metric records-lag via Micrometer KafkaClientMetrics",
                    inEach(CONSUMERS, PROPERTIES, "quarkus.micrometer.binder.kafka.enabled=true")),
            // Micrometer's JvmMemoryMetrics (Quarkus' JVM binder is on by default), tags area and id.
            new Exported("jvm_memory_used_bytes", "Micrometer JvmMemoryMetrics (Quarkus JVM binder, on by default)",
                    inEach(SERVICES, "pom.xml", "<artifactId>quarkus-micrometer-registry-prometheus</artifactId>")),
            new Exported("jvm_memory_max_bytes", "Micrometer JvmMemoryMetrics (Quarkus JVM binder, on by default)",
                    inEach(SERVICES, "pom.xml", "<artifactId>quarkus-micrometer-registry-prometheus</artifactId>")),
            // Not from the services: Prometheus writes `up` for every scrape target (the ServiceMonitor's).
            new Exported("up", "Prometheus, one per scrape target",
                    List.of(new Evidence(COMPONENT.resolve("servicemonitor.yaml").toString(), "path: /q/metrics"))),
            // Not from the services: kube-state-metrics (part of kube-prometheus-stack), labels namespace, pod,
            // uid, condition. Used for readiness: Prometheus scrapes unready pods too, so `up` cannot tell.
            new Exported("kube_pod_status_ready", "kube-state-metrics", List.of()));

    static Set<String> allowedNames() {
        return EXPORTED.stream().map(Exported::name).collect(Collectors.toCollection(TreeSet::new));
    }

    // --- the rules ---------------------------------------------------------------------------------------

    private static List<Manifest> rendered;

    static synchronized List<Manifest> renderedOverlay() {
        if (rendered == null) {
            rendered = Manifest.parseAll(Repo.kustomize().render(Repo.overlays().resolve(OVERLAY)));
        }
        return rendered;
    }

    /** The rule groups of every PrometheusRule of the rendered overlay, as one Prometheus rule file's tree. */
    static ObjectNode ruleFile() {
        ArrayNode groups = JsonNodeFactory.instance.arrayNode();
        renderedOverlay().stream().filter(m -> m.kind().equals("PrometheusRule"))
                .forEach(m -> m.spec().path("groups").forEach(groups::add));
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.set("groups", groups);
        return file;
    }

    /** Every alerting rule of the rendered overlay, by name. */
    static Map<String, JsonNode> alerts() {
        Map<String, JsonNode> alerts = new LinkedHashMap<>();
        ruleFile().path("groups").forEach(g -> g.path("rules").forEach(r -> {
            if (r.hasNonNull("alert")) {
                alerts.put(r.path("alert").asText(), r);
            }
        }));
        return alerts;
    }

    /** Written to be read by people too: block literals, quotes only where YAML needs them, no folded lines. */
    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE, YAMLGenerator.Feature.MINIMIZE_QUOTES,
                    YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    static void writeYaml(Path file, JsonNode tree) {
        try {
            Files.createDirectories(file.getParent());
            YAML.writeValue(file.toFile(), tree);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    // --- PromQL -------------------------------------------------------------------------------------------

    /** Functions and aggregations our expressions may call (an unknown one fails: add it here). */
    static final Set<String> FUNCTIONS = Set.of("sum", "avg", "min", "max", "count", "topk", "bottomk", "quantile",
            "stddev", "stdvar", "group", "rate", "irate", "increase", "delta", "idelta", "deriv", "changes", "resets",
            "histogram_quantile", "abs", "ceil", "floor", "round", "clamp", "clamp_min", "clamp_max", "absent",
            "absent_over_time", "vector", "scalar", "time", "label_replace", "label_join", "sort", "sort_desc",
            "avg_over_time", "max_over_time", "min_over_time", "sum_over_time", "count_over_time", "last_over_time",
            "predict_linear");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on",
            "ignoring", "group_left", "group_right", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

    /**
     * The metric names a PromQL expression (or a Grafana target, with its $variables) reads: string literals,
     * label matchers, ranges, grouping clauses, offsets and numbers are removed, then every identifier that is
     * neither a function call nor a keyword is a metric name.
     */
    static Set<String> metricNames(String expr) {
        String s = expr;
        s = s.replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ").replaceAll("'(\\\\.|[^'\\\\])*'", " ")
                .replaceAll("`[^`]*`", " ");
        s = s.replaceAll("\\$\\{[^}]*}|\\$\\w+", " ");
        s = s.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^\\]]*]", " ");
        s = s.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        s = s.replaceAll("\\boffset\\s+-?\\w+", " ");
        s = s.replaceAll("(?<![\\w:])\\d+(\\.\\d+)?([eE][+-]?\\d+)?", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String token = m.group();
            if (m.group(1) != null) {
                String function = token.substring(0, token.indexOf('(')).strip();
                if (!FUNCTIONS.contains(function) && !KEYWORDS.contains(function)) {
                    throw new IllegalArgumentException("Unknown PromQL function " + function + " in: " + expr);
                }
            } else if (!KEYWORDS.contains(token)) {
                names.add(token);
            }
        }
        return names;
    }

    /** A Grafana target's expression with its variables replaced by values, so that promtool can parse it. */
    static String withGrafanaVariables(String expr) {
        return expr.replace("$__rate_interval", "5m").replace("$__interval", "1m").replace("$__range", "1h")
                .replace("${datasource}", "prometheus").replace("$namespace", "tic").replace("$job", ".+");
    }

    static Path repoPath(Path relative) {
        return Repo.root().resolve(relative);
    }

    static String read(Path relative) {
        try {
            return Files.readString(repoPath(relative));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + relative + ": " + e.getMessage(), e);
        }
    }
}
