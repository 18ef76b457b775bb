package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.tic.reliability.TopicReader.Event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consumer rebuilt from scratch over the topics, the way docs/events.md says consumers must work: skip an event id
 * seen before, upsert a snapshot only when its version is higher. With {@code dedupeById = false} it is the broken
 * consumer the checks must catch (the self-test feeds it a redelivery). Its state is the recomputation the services'
 * read models and roll-ups are compared with.
 */
public final class ReplayConsumer {

    public record Snapshot(long version, String status) {
    }

    private final boolean dedupeById;
    private final Map<String, Integer> applications = new LinkedHashMap<>();
    private final Map<String, Snapshot> clusters = new HashMap<>();
    private final Map<String, Snapshot> projects = new HashMap<>();
    private final Map<String, BigDecimal> sumByMetricName = new HashMap<>();
    private final Map<String, Integer> countByMetricName = new HashMap<>();

    public ReplayConsumer(boolean dedupeById) {
        this.dedupeById = dedupeById;
    }

    public ReplayConsumer acceptAll(List<Event> events) {
        events.forEach(this::accept);
        return this;
    }

    public void accept(Event e) {
        String id = e.id() == null ? e.topic() + "@" + e.offset() : e.id();
        if (dedupeById && applications.containsKey(id)) {
            return;
        }
        applications.merge(id, 1, Integer::sum);
        JsonNode data = e.json();
        String type = e.type() == null ? "" : e.type();
        if (type.startsWith("tic.membership.cluster") || type.startsWith("tic.membership.clusters.merged")) {
            if (data.has("cluster")) {
                upsert(clusters, data.path("cluster"));
            }
            if (data.has("successor")) {
                upsert(clusters, data.path("successor"));
                data.path("predecessors").forEach(p -> upsert(clusters, p));
            }
        } else if (type.startsWith("tic.project.project")) {
            upsert(projects, data.path("project"));
        } else if (type.equals("tic.kpi.report.reported.v1")) {
            // An additive effect: exactly what a consumer without deduplication gets wrong on a redelivery.
            JsonNode report = data.path("report");
            String name = report.path("metricName").asText("");
            sumByMetricName.merge(name, report.path("value").decimalValue(), BigDecimal::add);
            countByMetricName.merge(name, 1, Integer::sum);
        }
    }

    private static void upsert(Map<String, Snapshot> model, JsonNode snapshot) {
        String id = snapshot.path("id").asText(null);
        if (id == null) {
            return;
        }
        long version = snapshot.path("version").asLong(-1);
        Snapshot current = model.get(id);
        if (current == null || version > current.version()) {
            model.put(id, new Snapshot(version, snapshot.has("stage") ? snapshot.path("stage").asText() : snapshot.path("status").asText()));
        }
    }

    /** Event ids applied more than once. */
    public List<String> appliedTwice() {
        List<String> ids = new ArrayList<>();
        applications.forEach((id, n) -> {
            if (n > 1) {
                ids.add(id + " ×" + n);
            }
        });
        return ids;
    }

    public int applied() {
        return applications.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<String, Snapshot> clusters() {
        return clusters;
    }

    public Map<String, Snapshot> projects() {
        return projects;
    }

    public BigDecimal sumOf(String metricName) {
        return sumByMetricName.getOrDefault(metricName, BigDecimal.ZERO);
    }

    public int countOf(String metricName) {
        return countByMetricName.getOrDefault(metricName, 0);
    }
}
