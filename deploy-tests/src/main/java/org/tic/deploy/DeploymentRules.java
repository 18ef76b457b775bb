package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import org.tic.deploy.PolicyRules.Jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.tic.deploy.PolicyRules.THIRD_PARTY;

/**
 * One Deployment, rule family by family on its pod and each of its containers; and the app-config rule: a Deployment
 * is one of the Quarkus modules (ports and database as in its application.properties) or a known third-party server.
 */
final class DeploymentRules extends OverlayCheck {

    private static final Map<String, String> QUARKUS_PROBES = Map.of("startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live");

    private final SecurityRules security;
    private final SecretRules secrets;
    private final ResourceRules resources;
    private final ImageRules images;
    private final ProbeRules probes;
    private final RolloutRules rollout;
    private final ScalingRules scaling;
    private final NetworkPolicyRules networkPolicies;
    private final ServiceRules services;

    DeploymentRules(Overlay overlay, SecretRules secrets, ScalingRules scaling, ServiceRules services) {
        super(overlay);
        this.security = new SecurityRules(overlay);
        this.secrets = secrets;
        this.resources = new ResourceRules(overlay);
        this.images = new ImageRules(overlay);
        this.probes = new ProbeRules(overlay);
        this.rollout = new RolloutRules(overlay);
        this.scaling = scaling;
        this.networkPolicies = new NetworkPolicyRules(overlay);
        this.services = services;
    }

    void check(Manifest d) {
        JsonNode pod = d.spec().path("template").path("spec");
        Map<String, String> podLabels = d.podLabels();
        services.ownSelector(d, podLabels);
        String app = podLabels.getOrDefault("app", d.name());
        Optional<ServiceConfig> config = ServiceConfig.load(repoRoot, app);
        PolicyRules.ThirdParty third = config.isEmpty() ? THIRD_PARTY.get(app) : null;
        if (config.isEmpty() && third == null) {
            add("app-config", d, "no module '" + app + "' with src/main/resources/application.properties "
                    + "(the app label names the Maven module, or one of the known servers " + THIRD_PARTY.keySet() + ")");
        }

        JsonNode psc = pod.path("securityContext");
        security.pod(d, pod);
        Map<String, JsonNode> volumes = new HashMap<>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        volumes.values().forEach(v -> {
            security.volume(d, v);
            secrets.volume(d, v);
        });

        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        resources.pod(d, pod);
        for (JsonNode c : containers) {
            String cname = c.path("name").asText("?");
            String where = "container " + cname;
            boolean init = false;
            for (JsonNode ic : pod.path("initContainers")) {
                init |= ic == c;
            }
            resources.container(d, where, c.path("resources"));
            images.container(d, where, c);
            security.container(d, where, c, psc, volumes);
            secrets.container(d, where, c);
            if (!init) {
                if (third != null) {
                    probes.container(d, where, c, third.probes(), third.healthName());
                } else {
                    probes.container(d, where, c, QUARKUS_PROBES, "SmallRye Health");
                }
                config.ifPresent(sc -> appConfig(d, where, c, sc));
            }
        }
        if (third != null) {
            rollout.check(d, pod, third.shutdownSeconds(), third.app() + "'s shutdown", "10 s of margin");
        } else {
            rollout.check(d, pod, config.map(sc -> sc.shutdownTimeout().toSeconds()).orElse(0L), "quarkus.shutdown.timeout",
                    "10 s for the outbox batch in flight");
        }
        scaling.pdb(d, podLabels);
        scaling.hpa(d);
        networkPolicies.isolation(d, podLabels);
        services.selected(d, podLabels);
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
}
