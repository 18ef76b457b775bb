package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.tic.devinfra.launcher.Platform;
import org.tic.devinfra.database.PostgresServer;
import org.tic.reliability.TopicReader.Event;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.tic.reliability.ReliabilityPlatform.KPI;
import static org.tic.reliability.ReliabilityPlatform.MEMBERSHIP;
import static org.tic.reliability.ReliabilityPlatform.PROJECT;

/**
 * The read models and roll-ups against a recomputation from what the load acknowledged and what is on the topics
 * (shared by the fault and scale-out suites): project-service's cluster read model = membership's clusters = a replay
 * of {@code membership.events}; kpi-service's statuses, signatory count, load-bucket totals and pipeline; and the
 * consumers' {@code processed_event} rows = distinct event ids on their topics.
 */
final class ReadModelChecker {

    private final Map<String, String> base;
    private final Http reader;

    /** @param reader for the reads after the load: a busy machine may be slow, and a slow read is not what is tested */
    ReadModelChecker(Map<String, String> base, Http reader) {
        this.base = base;
        this.reader = reader;
    }

    /** The read-backs the loss check needs, fetched by a few threads (thousands of GETs). */
    Map<String, Http.Result> prefetch(List<Write> writes) throws InterruptedException {
        Set<String> urls = new HashSet<>();
        for (Write w : writes) {
            if (w.acked() && w.url() != null) {
                urls.add(w.url());
            } else if (w.outcome().indeterminate()) {
                urls.add(w.kind() == Write.Kind.APPEND || w.searchUrl() == null ? w.url() : w.searchUrl());
            }
        }
        urls.remove(null);
        Map<String, Http.Result> out = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        for (String url : urls) {
            pool.submit(() -> out.put(url, reader.get(url)));
        }
        pool.shutdown();
        pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        return out;
    }

    /** Everything that must equal a recomputation once the consumers caught up; empty when it does. */
    List<String> diffs(LoadGenerator load, List<Event> events, Platform platform, Map<String, Object> figures) {
        List<String> diffs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Function<String, JsonNode> read = url -> {
            Http.Result r = reader.get(url);
            if (r.status() != 200) {
                unreadable.add("GET " + url + " → " + r.brief());
                return Http.JSON.missingNode();
            }
            return r.json();
        };
        ReplayConsumer replay = new ReplayConsumer(true).acceptAll(events);

        // membership's clusters, project-service's read model of them, and the replay of membership.events
        Map<String, JsonNode> membership = list(base.get(MEMBERSHIP) + "/api/v1/clusters");
        Map<String, JsonNode> projectModel = list(base.get(PROJECT) + "/api/v1/clusters");
        Function<JsonNode, String> state = c -> "v" + c.path("version").asLong() + " " + c.path("status").asText();
        Map<String, String> truth = new TreeMap<>();
        membership.forEach((id, c) -> truth.put(id, state.apply(c)));
        Map<String, String> projectSide = new TreeMap<>();
        projectModel.forEach((id, c) -> projectSide.put(id, state.apply(c)));
        Map<String, String> replayed = new TreeMap<>();
        replay.clusters().forEach((id, s) -> replayed.put(id, "v" + s.version() + " " + s.status()));
        diffs.addAll(Diff.of("project-service cluster read model", truth, projectSide));
        diffs.addAll(Diff.of("replay of membership.events (last version per cluster)", truth, replayed));
        diffs.addAll(Diff.of("project-service read model vs the highest version on the topic", replayed, projectSide));
        figures.put("clusters in membership / project read model", membership.size() + " / " + projectModel.size());

        // kpi-service: each cluster's status, the signatory count, the two load buckets and the pipeline
        Map<String, String> kpiStatus = new TreeMap<>();
        Map<String, String> membershipStatus = new TreeMap<>();
        for (Map.Entry<String, JsonNode> c : membership.entrySet()) {
            membershipStatus.put(c.getKey(), c.getValue().path("status").asText());
            kpiStatus.put(c.getKey(), read.apply(base.get(KPI) + "/api/v1/clusters/" + c.getKey() + "/kpis").path("status").asText("(unknown)"));
        }
        diffs.addAll(Diff.of("kpi-service cluster status", membershipStatus, kpiStatus));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        long signatories = membership.values().stream().filter(c -> "SIGNATORY".equals(c.path("status").asText())
                && (c.path("joinedDate").isNull() || c.path("joinedDate").asText().compareTo(today) <= 0)).count();
        JsonNode summary = read.apply(base.get(KPI) + "/api/v1/initiative/summary");
        diffs.addAll(Diff.of("kpi-service summary", Map.of("signatoryClusters", signatories),
                Map.of("signatoryClusters", summary.path("signatoryClusters").asLong(-1))));

        // expected totals from what landed: acknowledged attempts, plus unknown-outcome ones found there
        Map<String, Boolean> landed = new HashMap<>();
        for (LoadGenerator.KpiAttempt a : load.kpiAttempts()) {
            boolean in = a.outcome() == Write.Outcome.ACK || (a.outcome().indeterminate()
                    && String.valueOf(reader.get(a.searchUrl()).body()).contains(a.marker()));
            landed.put(a.marker(), in);
        }
        Map<String, LoadGenerator.KpiAttempt> latestPerCluster = new HashMap<>();
        BigDecimal projectSum = BigDecimal.ZERO;
        int projectReports = 0;
        for (LoadGenerator.KpiAttempt a : load.kpiAttempts()) {
            if (!landed.get(a.marker())) {
                continue;
            }
            if (a.project()) {
                projectSum = projectSum.add(a.value());
                projectReports++;
            } else {
                latestPerCluster.merge(a.subjectId(), a, (x, y) -> x.n() >= y.n() ? x : y);
            }
        }
        BigDecimal clusterSum = latestPerCluster.values().stream().map(LoadGenerator.KpiAttempt::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> expectedTotals = new TreeMap<>();
        expectedTotals.put(load.tag().clusterMetric(), clusterSum);
        expectedTotals.put(load.tag().projectMetric(), projectSum);
        expectedTotals.put(load.tag().projectMetric() + " (projects counted)", projectReports);
        Map<String, Object> actualTotals = new TreeMap<>();
        for (JsonNode t : summary.path("totals")) {
            String name = t.path("metricName").asText();
            if (name.equalsIgnoreCase(load.tag().clusterMetric())) {
                actualTotals.put(load.tag().clusterMetric(), t.path("total").decimalValue());
            } else if (name.equalsIgnoreCase(load.tag().projectMetric())) {
                actualTotals.put(load.tag().projectMetric(), t.path("total").decimalValue());
                actualTotals.put(load.tag().projectMetric() + " (projects counted)", t.path("projectsCounted").asInt());
            }
        }
        diffs.addAll(Diff.of("kpi-service total", expectedTotals, actualTotals));
        diffs.addAll(Diff.of("replay of kpi.events (sum of reported project values)", Map.of("sum", projectSum),
                Map.of("sum", replay.sumOf(load.tag().projectMetric()))));
        figures.put("KPI total '" + load.tag().clusterMetric() + "' expected / kpi", clusterSum + " / " + actualTotals.get(load.tag().clusterMetric()));
        figures.put("KPI total '" + load.tag().projectMetric() + "' expected / kpi", projectSum + " / " + actualTotals.get(load.tag().projectMetric())
                + " (" + projectReports + " projects)");
        figures.put("signatory clusters membership / kpi", signatories + " / " + summary.path("signatoryClusters").asLong(-1));

        Map<String, Object> stagesKpi = new TreeMap<>();
        // Every stage either side knows, not only the load's path: other suites on the shared platform (RaceTest)
        // leave projects ON_HOLD or CANCELLED, and those must agree too.
        Set<String> stages = new java.util.TreeSet<>(LoadGenerator.STAGES);
        stages.addAll(List.of("ON_HOLD", "CANCELLED"));
        for (JsonNode s : read.apply(base.get(KPI) + "/api/v1/initiative/pipeline").path("stages")) {
            stages.add(s.path("stage").asText());
            if (s.path("projects").asLong() > 0) {
                stagesKpi.put(s.path("stage").asText(), s.path("projects").asLong());
            }
        }
        Map<String, Object> stagesProject = new TreeMap<>();
        for (String stage : stages) {
            long n = read.apply(base.get(PROJECT) + "/api/v1/projects?size=1&count=exact&stage=" + stage).path("totalItems").asLong();
            if (n > 0) {
                stagesProject.put(stage, n);
            }
        }
        diffs.addAll(Diff.of("kpi-service pipeline projects at stage", stagesProject, stagesKpi));
        figures.put("projects by stage project / kpi", stagesProject + " / " + stagesKpi);

        // the consumers' own ledgers: every event id on the consumed topics recorded once
        Map<String, Set<String>> idsByTopic = new HashMap<>();
        for (Event e : events) {
            idsByTopic.computeIfAbsent(e.topic(), k -> new HashSet<>()).add(e.id());
        }
        Map<String, Object> expectedProcessed = new TreeMap<>();
        expectedProcessed.put("project/project-membership", idsByTopic.getOrDefault("membership.events", Set.of()).size());
        expectedProcessed.put("kpi/kpi-membership", idsByTopic.getOrDefault("membership.events", Set.of()).size());
        expectedProcessed.put("kpi/kpi-projects", idsByTopic.getOrDefault("project.events", Set.of()).size());
        Map<String, Object> processed = new TreeMap<>();
        processed.putAll(processedEvents(platform, "project"));
        processed.putAll(processedEvents(platform, "kpi"));
        diffs.addAll(Diff.of("processed_event rows (ids applied once) vs distinct ids on the topic", expectedProcessed, processed));
        figures.put("processed_event rows per consumer", processed);
        // a read that failed is not a difference of state, but the comparison is not done: report it, and retry
        unreadable.stream().limit(5).forEach(u -> diffs.add("could not read: " + u));
        if (unreadable.size() > 5) {
            diffs.add("could not read " + (unreadable.size() - 5) + " more");
        }
        return diffs;
    }

    static Map<String, Object> processedEvents(Platform platform, String database) {
        Map<String, Object> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(platform.infrastructure().postgres().jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("select consumer, count(*) from processed_event group by consumer")) {
            while (rs.next()) {
                out.put(database + "/" + rs.getString(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            out.put(database + "/(error)", e.getMessage());
        }
        return out;
    }

    /** All items of a paged list endpoint, by id. */
    private Map<String, JsonNode> list(String url) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (int page = 0; page < 100; page++) {
            Http.Result r = reader.get(url + (url.contains("?") ? "&" : "?") + "size=200&page=" + page);
            if (r.status() != 200) {
                throw new IllegalStateException("GET " + url + " → " + r.brief());
            }
            JsonNode body = r.json();
            body.path("items").forEach(i -> out.put(i.path("id").asText(), i));
            if (page + 1 >= body.path("totalPages").asInt(0)) {
                break;
            }
        }
        return out;
    }
}
