package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenTelemetry Collector's configuration as the collector builds it from its {@code --config} sources (files,
 * {@code yaml:} URIs, {@code env:} variables), merged in order the way its confmap does by default: maps key by
 * key, lists and scalars replaced; keys written {@code a::b} are the nested path a, b. {@link #problems()} lists
 * what would break the platform's tracing: no OTLP receiver for the services (gRPC and HTTP, on an address other
 * pods reach), no health_check for the probes, a traces pipeline without memory_limiter first and batch, a
 * component used but not defined, a {@code ${env:NAME}} that the environment does not set (the collector validates
 * every configured component at start-up, used or not).
 */
public final class CollectorConfig {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?}");
    private static final Pattern HOST_PORT = Pattern.compile("(?:[a-z][a-z0-9+.-]*://)?(\\[[^]]*]|[^:/]*):(\\d+)/?");

    private final ObjectNode tree;
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    private CollectorConfig(ObjectNode tree, Map<String, String> env) {
        this.tree = tree;
        this.env = env;
    }

    /**
     * The configuration a collector started with these arguments builds. {@code files} gives the text of a file
     * the collector can read (null: no such file); {@code env} is its environment.
     */
    public static CollectorConfig load(List<String> args, Function<String, String> files, Map<String, String> env) {
        CollectorConfig config = new CollectorConfig(JsonNodeFactory.instance.objectNode(), env);
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--config=")) {
                sources.add(a.substring("--config=".length()));
            } else if (a.equals("--config") && i + 1 < args.size()) {
                sources.add(args.get(++i));
            }
        }
        if (sources.isEmpty()) {
            config.problems.add("has no --config: the image's built-in configuration would run, not the platform's");
        }
        for (String source : sources) {
            String text;
            if (source.startsWith("yaml:")) {
                text = source.substring("yaml:".length());
            } else if (source.startsWith("env:")) {
                text = env.get(source.substring("env:".length()));
            } else if (source.matches("[a-z][a-z0-9+.-]*:.*") && !source.startsWith("file:")) {
                config.problems.add("--config=" + source + " cannot be checked offline (only files, yaml: and env:)");
                continue;
            } else {
                text = files.apply(source.replaceFirst("^file:", ""));
            }
            if (text == null) {
                config.problems.add("--config=" + source + " is not a file (or variable) the collector can read");
                continue;
            }
            try {
                JsonNode parsed = YAML.readTree(text);
                if (parsed != null && parsed.isObject()) {
                    merge(config.tree, paths((ObjectNode) parsed));
                } else if (parsed != null && !parsed.isMissingNode() && !parsed.isNull()) {
                    config.problems.add("--config=" + source + " is not a YAML map");
                }
            } catch (IOException e) {
                config.problems.add("--config=" + source + " is not YAML: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        config.check();
        return config;
    }

    /** Merges {@code over} into {@code into}: maps key by key, anything else replaced (confmap's default). */
    static void merge(ObjectNode into, ObjectNode over) {
        over.properties().forEach(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    /** Keys written a::b::c become nested maps (the collector's key delimiter). */
    static ObjectNode paths(ObjectNode node) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(e -> {
            JsonNode value = e.getValue() instanceof ObjectNode o ? paths(o) : e.getValue();
            String[] keys = e.getKey().split("::");
            ObjectNode at = result;
            for (int i = 0; i < keys.length - 1; i++) {
                at = at.get(keys[i]) instanceof ObjectNode o ? o : at.putObject(keys[i]);
            }
            JsonNode existing = at.get(keys[keys.length - 1]);
            if (existing instanceof ObjectNode target && value instanceof ObjectNode source) {
                merge(target, source);
            } else {
                at.set(keys[keys.length - 1], value);
            }
        });
        return result;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public JsonNode tree() {
        return tree;
    }

    /** The port of the otlp receiver's gRPC protocol, or -1. */
    public int grpcPort() {
        return port(tree.path("receivers").path("otlp").path("protocols").path("grpc").path("endpoint").asText(""));
    }

    /** The port of the otlp receiver's HTTP protocol, or -1. */
    public int httpPort() {
        return port(tree.path("receivers").path("otlp").path("protocols").path("http").path("endpoint").asText(""));
    }

    /** The health_check extension's port, or -1. */
    public int healthPort() {
        return port(tree.path("extensions").path("health_check").path("endpoint").asText(""));
    }

    /** The health_check extension's path (its default is /). */
    public String healthPath() {
        return tree.path("extensions").path("health_check").path("path").asText("/");
    }

    /** The exporters of a pipeline ("traces"), in order. */
    public List<String> exporters(String pipeline) {
        return PolicyRules.texts(tree.path("service").path("pipelines").path(pipeline).path("exporters"));
    }

    /** An exporter's endpoint with ${env:...} expanded from the environment, or null. */
    public String endpoint(String exporter) {
        JsonNode e = tree.path("exporters").path(exporter).path("endpoint");
        return e.isTextual() ? expand(e.asText()) : null;
    }

    /** The port of host:port or scheme://host:port[/], or -1. */
    static int port(String endpoint) {
        Matcher m = HOST_PORT.matcher(expandDefaults(endpoint));
        return m.matches() ? Integer.parseInt(m.group(2)) : -1;
    }

    static String host(String endpoint) {
        Matcher m = HOST_PORT.matcher(expandDefaults(endpoint));
        return m.matches() ? m.group(1) : "";
    }

    private static String expandDefaults(String value) {
        return ENV.matcher(value).replaceAll(m -> m.group(2) == null ? "\\${env:" + m.group(1) + "}"
                : Matcher.quoteReplacement(m.group(2).substring(2)));
    }

    private String expand(String value) {
        return ENV.matcher(value).replaceAll(m -> Matcher.quoteReplacement(env.getOrDefault(m.group(1),
                m.group(2) == null ? "" : m.group(2).substring(2))));
    }

    private static String type(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    private void check() {
        variables(tree, "");
        JsonNode otlp = tree.path("receivers").path("otlp");
        if (!otlp.isObject()) {
            problems.add("has no otlp receiver: the services' traces have nowhere to go");
        } else {
            for (String protocol : List.of("grpc", "http")) {
                JsonNode p = otlp.path("protocols").path(protocol);
                if (!p.isObject()) {
                    problems.add("the otlp receiver has no " + protocol + " protocol (the services export OTLP/gRPC, "
                            + "the documented alternative is OTLP/HTTP)");
                } else {
                    reachable("the otlp receiver's " + protocol + " endpoint", p.path("endpoint").asText(""));
                }
            }
        }
        JsonNode health = tree.path("extensions").path("health_check");
        if (!health.isObject()) {
            problems.add("has no health_check extension: the probes have nothing to ask");
        } else {
            reachable("the health_check extension", health.path("endpoint").asText(""));
        }
        JsonNode service = tree.path("service");
        if (!PolicyRules.texts(service.path("extensions")).contains("health_check")) {
            problems.add("service::extensions does not start health_check");
        }
        for (String ext : PolicyRules.texts(service.path("extensions"))) {
            if (!tree.path("extensions").has(ext)) {
                problems.add("service::extensions names " + ext + ", which extensions does not define");
            }
        }
        JsonNode pipelines = service.path("pipelines");
        if (!pipelines.path("traces").isObject()) {
            problems.add("has no traces pipeline (service::pipelines::traces)");
        }
        pipelines.properties().forEach(p -> {
            String name = p.getKey();
            for (String section : List.of("receivers", "processors", "exporters")) {
                for (String id : PolicyRules.texts(p.getValue().path(section))) {
                    boolean connector = !section.equals("processors") && tree.path("connectors").has(id);
                    if (!tree.path(section).has(id) && !connector) {
                        problems.add("pipeline " + name + " uses " + section.substring(0, section.length() - 1) + " " + id
                                + ", which " + section + " does not define");
                    }
                }
            }
            if (PolicyRules.texts(p.getValue().path("exporters")).isEmpty()) {
                problems.add("pipeline " + name + " has no exporter");
            }
        });
        JsonNode traces = pipelines.path("traces");
        if (traces.isObject()) {
            if (!PolicyRules.texts(traces.path("receivers")).contains("otlp")) {
                problems.add("the traces pipeline does not take the otlp receiver");
            }
            List<String> processors = PolicyRules.texts(traces.path("processors")).stream().map(CollectorConfig::type).toList();
            if (processors.isEmpty() || !processors.get(0).equals("memory_limiter")) {
                problems.add("the traces pipeline's first processor is not memory_limiter (processors " + processors
                        + "): without it a burst of spans runs the collector out of memory");
            }
            if (!processors.contains("batch")) {
                problems.add("the traces pipeline has no batch processor (processors " + processors + ")");
            }
        }
        tree.path("processors").properties().forEach(p -> {
            if (type(p.getKey()).equals("memory_limiter") && !p.getValue().has("limit_mib")
                    && !p.getValue().has("limit_percentage")) {
                problems.add("processor " + p.getKey() + " sets neither limit_mib nor limit_percentage");
            }
        });
    }

    /** An endpoint other pods or containers can reach: an explicit port, not on a loopback address. */
    private void reachable(String what, String endpoint) {
        String host = host(endpoint);
        if (port(endpoint) < 0) {
            problems.add(what + " has no explicit host:port (is '" + endpoint + "'; the collector's default is localhost)");
        } else if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")) {
            problems.add(what + " listens on " + endpoint + ": unreachable from other pods and containers");
        }
    }

    /** Every ${env:NAME} without a default must be set. */
    private void variables(JsonNode node, String at) {
        if (node.isObject()) {
            node.properties().forEach(e -> variables(e.getValue(), at.isEmpty() ? e.getKey() : at + "::" + e.getKey()));
        } else if (node.isArray()) {
            node.forEach(n -> variables(n, at));
        } else if (node.isTextual()) {
            Matcher m = ENV.matcher(node.asText());
            while (m.find()) {
                if (m.group(2) == null && env.getOrDefault(m.group(1), "").isBlank()) {
                    problems.add(at + " is ${env:" + m.group(1) + "}, which the collector's environment does not set "
                            + "(every configured component is validated at start-up, used or not)");
                }
            }
        }
    }
}
