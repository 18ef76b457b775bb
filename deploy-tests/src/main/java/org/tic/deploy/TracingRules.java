package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.tic.deploy.NetworkReach.httpUrl;
import static org.tic.deploy.NetworkReach.port;
import static org.tic.deploy.Overlay.app;
import static org.tic.deploy.Overlay.mainContainer;
import static org.tic.deploy.Overlay.texts;
import static org.tic.deploy.PolicyRules.OTEL_COLLECTOR;
import static org.tic.deploy.PolicyRules.OTLP_DEFAULT_ENDPOINT;
import static org.tic.deploy.Selectors.selects;

/**
 * An OpenTelemetry Collector wherever the services run, its configuration sound ({@link CollectorConfig}), and every
 * service exporting to the collector's Service with the network policies of both sides letting it through, unless the
 * service turns tracing off (rule tracing).
 */
final class TracingRules extends OverlayCheck {

    private final NetworkReach net;

    TracingRules(Overlay overlay) {
        super(overlay);
        this.net = new NetworkReach(overlay);
    }

    void check() {
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
                } else if (!net.egressAllowsPort(collector.podLabels(), port)) {
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
        int grpc = net.servicePort(service, collector, config.grpcPort());
        int http = net.servicePort(service, collector, config.httpPort());
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
            if (!net.egressAllows(d.podLabels(), collector, uri)) {
                add("tracing", d, "its NetworkPolicies do not let it reach the collector's pods (" + endpoint + ")");
            }
            if (!net.ingressAllows(collector, d.podLabels(), uri)) {
                add("tracing", collector, "its NetworkPolicies do not admit the traces of " + d.name() + " (" + endpoint + ")");
            }
        }
    }

    private static boolean tracingOff(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.get("QUARKUS_OTEL_SDK_DISABLED"));
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
}
