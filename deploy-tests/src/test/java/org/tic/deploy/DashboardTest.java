package org.tic.deploy;

import org.tic.devinfra.process.ExternalTool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard components/prometheus-operator/grafana/tic-platform.json: its structure, its queries
 * (metric names the services export, PromQL that promtool parses) and its ConfigMap in the rendered overlay.
 */
class DashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");
    private static JsonNode dashboard;

    @BeforeAll
    static void parse() throws Exception {
        dashboard = JSON.readTree(Monitoring.read(Monitoring.DASHBOARD));
    }

    /** Every panel with queries (rows hold none). */
    private static List<JsonNode> queryPanels() {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            if (!p.path("type").asText().equals("row")) {
                panels.add(p);
            }
        });
        return panels;
    }

    private static List<String> expressions() {
        List<String> exprs = new ArrayList<>();
        queryPanels().forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        return exprs;
    }

    @Test
    void theDashboardIsWellFormed() {
        List<String> problems = new ArrayList<>();
        for (String field : List.of("title", "uid")) {
            if (dashboard.path(field).asText("").isBlank()) {
                problems.add("dashboard." + field + " is missing");
            }
        }
        if (!dashboard.path("schemaVersion").isInt()) {
            problems.add("dashboard.schemaVersion must be a number");
        }
        if (!dashboard.path("panels").isArray() || dashboard.path("panels").isEmpty()) {
            problems.add("dashboard.panels is empty");
        }
        Set<String> variables = new HashSet<>(Set.of("__rate_interval", "__interval", "__range"));
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        Set<Integer> ids = new HashSet<>();
        for (JsonNode p : dashboard.path("panels")) {
            String where = "panel " + p.path("id") + " '" + p.path("title").asText() + "'";
            if (!p.path("id").isInt() || !ids.add(p.path("id").asInt())) {
                problems.add(where + ": id must be a unique number");
            }
            if (p.path("title").asText("").isBlank() || p.path("type").asText("").isBlank()) {
                problems.add(where + ": needs a title and a type");
            }
            JsonNode grid = p.path("gridPos");
            if (!(grid.path("h").isInt() && grid.path("w").isInt() && grid.path("x").isInt() && grid.path("y").isInt())
                    || grid.path("x").asInt() + grid.path("w").asInt() > 24) {
                problems.add(where + ": gridPos needs h, w, x, y within 24 columns");
            }
            if (p.path("type").asText().equals("row")) {
                continue;
            }
            if (!p.path("datasource").path("uid").asText().equals("${datasource}")) {
                problems.add(where + ": datasource must be the ${datasource} variable");
            }
            if (!p.path("targets").isArray() || p.path("targets").isEmpty()) {
                problems.add(where + ": has no targets");
            }
            Set<String> refIds = new HashSet<>();
            for (JsonNode t : p.path("targets")) {
                if (t.path("expr").asText("").isBlank() || !refIds.add(t.path("refId").asText(""))
                        || t.path("refId").asText("").isBlank()) {
                    problems.add(where + ": every target needs an expr and its own refId");
                }
                Matcher m = VARIABLE.matcher(t.path("expr").asText(""));
                while (m.find()) {
                    if (!variables.contains(m.group(1))) {
                        problems.add(where + ": $" + m.group(1) + " is not a variable of the dashboard");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyQueryReadsOnlyMetricsThatExist() {
        Set<String> allowed = Monitoring.allowedNames();
        Set<String> used = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String expr : expressions()) {
            for (String name : Monitoring.metricNames(expr)) {
                used.add(name);
                if (!allowed.contains(name)) {
                    problems.add(name + " (in " + expr + ") is not exported (see Monitoring.EXPORTED)");
                }
            }
        }
        for (JsonNode v : dashboard.path("templating").path("list")) {
            Matcher m = LABEL_VALUES.matcher(v.path("query").path("query").asText(v.path("query").asText("")));
            while (m.find()) {
                if (!allowed.contains(m.group(1))) {
                    problems.add("variable " + v.path("name").asText() + " reads " + m.group(1) + ", which is not exported");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // The panels issue 18 asks for: request rate, 5xx, latency, outbox, lag, dead letters, JVM memory.
        assertTrue(used.containsAll(Set.of("http_server_requests_seconds_count", "http_server_requests_seconds_sum",
                "tic_outbox_pending", "tic_outbox_oldest_pending_age_seconds", "kafka_consumer_fetch_manager_records_lag",
                "tic_events_consumed_total", "jvm_memory_used_bytes")), "the dashboard reads " + used);
    }

    @Test
    void promtoolParsesEveryQuery() throws Exception {
        Promtool promtool = Promtool.require();
        // As recording rules, `promtool check rules` parses each expression (this promtool has no query parser).
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        for (JsonNode p : queryPanels()) {
            for (JsonNode t : p.path("targets")) {
                ObjectNode rule = rules.addObject();
                rule.put("record", "tic_dashboard:panel_" + p.path("id").asInt() + "_" + t.path("refId").asText());
                rule.put("expr", Monitoring.withGrafanaVariables(t.path("expr").asText()));
            }
        }
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.putArray("groups").addObject().put("name", "tic-dashboard").set("rules", rules);
        Path work = Path.of("target/promtool").toAbsolutePath();
        Monitoring.writeYaml(work.resolve("dashboard-queries.rules.yaml"), file);
        ExternalTool.Result check = promtool.run(work, List.of("check", "rules", "dashboard-queries.rules.yaml"));
        assertEquals(0, check.exitCode(), "a dashboard query does not parse:\n" + check.output());
    }

    @Test
    void theOverlayShipsTheDashboardToGrafanasSidecar() throws Exception {
        Manifest cm = Monitoring.renderedOverlay().stream()
                .filter(m -> m.kind().equals("ConfigMap") && m.name().equals("tic-grafana-dashboard"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap tic-grafana-dashboard in "
                        + Monitoring.OVERLAY));
        assertEquals("1", cm.labels().get("grafana_dashboard"), "the label kube-prometheus-stack's sidecar looks for");
        JsonNode shipped = JSON.readTree(cm.tree().path("data").path("tic-platform.json").asText());
        assertEquals(dashboard, shipped, "the ConfigMap carries tic-platform.json as it is in git");
        assertTrue(Files.isRegularFile(Monitoring.repoPath(Monitoring.DASHBOARD)));
    }
}
