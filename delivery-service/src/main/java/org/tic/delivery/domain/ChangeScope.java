package org.tic.delivery.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a change concerns (its clusters and projects, for the feed's filters) and who may read it, read off the
 * event as the AsyncAPI documents describe it. Field names, not event types, decide what a change is about, so
 * an event type added upstream with the usual fields is scoped without a change here.
 */
public record ChangeScope(Set<UUID> clusters, Set<UUID> projects, Audience audience, Set<UUID> audienceClusters) {

    /** Fields holding one cluster id, and objects that are a cluster (their {@code id}). */
    private static final Set<String> CLUSTER_ID_FIELDS = Set.of("clusterId", "leadClusterId", "successorId");
    private static final Set<String> CLUSTER_ID_LISTS = Set.of("participatingClusterIds", "clusterIds");
    private static final Set<String> CLUSTER_OBJECTS = Set.of("cluster", "successor", "predecessors");
    private static final Set<String> PROJECT_ID_FIELDS = Set.of("projectId");
    private static final Set<String> PROJECT_ID_LISTS = Set.of("projectIds");
    private static final Set<String> PROJECT_OBJECTS = Set.of("project");

    public ChangeScope {
        clusters = Set.copyOf(clusters);
        projects = Set.copyOf(projects);
        audienceClusters = Set.copyOf(audienceClusters);
    }

    public static ChangeScope of(String baseType, String aggregateType, String subject, JsonNode data) {
        Set<UUID> clusters = new LinkedHashSet<>();
        Set<UUID> projects = new LinkedHashSet<>();
        if ("cluster".equals(aggregateType)) {
            add(clusters, subject);
        } else if ("project".equals(aggregateType)) {
            add(projects, subject);
        }
        walk(data, clusters, projects, 0);
        if (baseType.startsWith("tic.membership.application.")) {
            // An application is read by the secretariat and its cluster's coordinators only (membership-service).
            return new ChangeScope(clusters, projects, Audience.CLUSTERS, clusters);
        }
        if (baseType.equals("tic.kpi.import.completed")) {
            // An import job is read by the secretariat and its uploader only (kpi-service).
            return new ChangeScope(clusters, projects, Audience.ACTOR, Set.of());
        }
        return new ChangeScope(clusters, projects, Audience.PUBLIC, Set.of());
    }

    private static void walk(JsonNode node, Set<UUID> clusters, Set<UUID> projects, int depth) {
        if (node == null || depth > 6) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> walk(n, clusters, projects, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            JsonNode v = f.getValue();
            if (CLUSTER_ID_FIELDS.contains(name)) {
                add(clusters, v.asText(null));
            } else if (CLUSTER_ID_LISTS.contains(name)) {
                v.forEach(x -> add(clusters, x.asText(null)));
            } else if (PROJECT_ID_FIELDS.contains(name)) {
                add(projects, v.asText(null));
            } else if (PROJECT_ID_LISTS.contains(name)) {
                v.forEach(x -> add(projects, x.asText(null)));
            }
            if (CLUSTER_OBJECTS.contains(name)) {
                forEachObject(v, o -> add(clusters, o.path("id").asText(null)));
            } else if (PROJECT_OBJECTS.contains(name)) {
                forEachObject(v, o -> add(projects, o.path("id").asText(null)));
            }
            if (v.isContainerNode()) {
                walk(v, clusters, projects, depth + 1);
            }
        }
    }

    private static void forEachObject(JsonNode v, java.util.function.Consumer<JsonNode> action) {
        if (v.isArray()) {
            v.forEach(action);
        } else if (v.isObject()) {
            action.accept(v);
        }
    }

    private static void add(Set<UUID> ids, String s) {
        if (s == null || s.isBlank()) {
            return;
        }
        try {
            ids.add(UUID.fromString(s));
        } catch (IllegalArgumentException ignored) {
            // not an id (e.g. the kpi-service's "initiative" subject): concerns no cluster
        }
    }
}
