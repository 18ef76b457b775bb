package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.tic.deploy.Overlay.texts;

/**
 * With Strimzi resources: KRaft node pools, topics explicit and durable, every topic of the code declared, users with
 * the ACLs their service needs, the services pointed at the managed cluster (rule kafka).
 */
final class KafkaRules extends OverlayCheck {

    KafkaRules(Overlay overlay) {
        super(overlay);
    }

    void check() {
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
}
