package org.tic.deploy;

import org.tic.devinfra.process.ExternalTool;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PrometheusRule of components/prometheus-operator, as the prod-operators overlay renders it. Its
 * {@code spec} is a Prometheus rule file: it is written to target/promtool/ (so that promtool can be re-run by
 * hand there) and checked with {@code promtool check rules}; each alert's unit test,
 * src/test/resources/prometheus/&lt;alert&gt;.test.yaml, runs with {@code promtool test rules} against it.
 * Extracting the spec keeps one source for the rules (no generated copy to keep equal).
 */
class AlertRulesTest {

    private static final Path WORK = Path.of("target/promtool").toAbsolutePath();
    private static final Set<String> SEVERITIES = Set.of("critical", "warning");

    @Test
    void everyAlertHasASeverityADurationAndItsAnnotations() {
        Map<String, JsonNode> alerts = Monitoring.alerts();
        assertFalse(alerts.isEmpty(), "no alert in the rendered " + Monitoring.OVERLAY + " overlay");
        List<String> problems = new ArrayList<>();
        alerts.forEach((name, rule) -> {
            if (!name.matches("Tic[A-Z][A-Za-z]+")) {
                problems.add(name + ": alert names are Tic<CamelCase>");
            }
            if (!rule.path("for").asText("").matches("\\d+[smh]")) {
                problems.add(name + ": needs a `for:` duration");
            }
            if (!SEVERITIES.contains(rule.path("labels").path("severity").asText(""))) {
                problems.add(name + ": labels.severity must be one of " + SEVERITIES);
            }
            for (String a : List.of("summary", "description", "runbook")) {
                if (rule.path("annotations").path(a).asText("").isBlank()) {
                    problems.add(name + ": annotation " + a + " is missing");
                }
            }
            String runbook = rule.path("annotations").path("runbook").asText("");
            if (!runbook.startsWith("deploy/README.md, Monitoring, " + name + ":")) {
                problems.add(name + ": the runbook annotation points at deploy/README.md, Monitoring, " + name);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theAlertsReadOnlyMetricsThatExist() {
        Set<String> allowed = Monitoring.allowedNames();
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        Monitoring.alerts().forEach((name, rule) -> {
            Set<String> names = Monitoring.metricNames(rule.path("expr").asText());
            used.addAll(names);
            names.stream().filter(n -> !allowed.contains(n))
                    .forEach(n -> problems.add(name + " reads " + n + ", which nothing exports (see Monitoring.EXPORTED)"));
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // What issue 18 asks to be alerted on.
        assertTrue(used.containsAll(Set.of("tic_outbox_pending", "tic_outbox_oldest_pending_age_seconds",
                "tic_events_consumed_total", "kafka_consumer_fetch_manager_records_lag",
                "http_server_requests_seconds_count", "http_server_requests_seconds_bucket", "kube_pod_status_ready")),
                "alerted on: " + used);
    }

    @Test
    void everyAlertHasAUnitTestThatSeesItFireAndStaySilent() throws IOException {
        Set<String> alerts = Monitoring.alerts().keySet();
        Path dir = Monitoring.repoPath(Monitoring.RULE_TESTS);
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".test.yaml")).forEach(files::add);
        }
        List<String> problems = new ArrayList<>();
        for (String file : files) {
            String alert = file.substring(0, file.length() - ".test.yaml".length());
            if (!alerts.contains(alert)) {
                problems.add(file + " tests " + alert + ", which is not an alert of the PrometheusRule");
            }
        }
        for (String alert : alerts) {
            Path file = dir.resolve(alert + ".test.yaml");
            if (!Files.isRegularFile(file)) {
                problems.add(alert + " has no unit test " + Monitoring.RULE_TESTS.resolve(alert + ".test.yaml"));
                continue;
            }
            JsonNode test = Monitoring.YAML.readTree(file.toFile());
            if (!test.path("rule_files").toString().contains(Monitoring.RULES_FILE)) {
                problems.add(file.getFileName() + ": rule_files must be [" + Monitoring.RULES_FILE + "]");
            }
            boolean fires = false;
            boolean silent = false;
            for (JsonNode t : test.path("tests")) {
                for (JsonNode a : t.path("alert_rule_test")) {
                    if (!a.path("alertname").asText().equals(alert)) {
                        continue;
                    }
                    fires |= !a.path("exp_alerts").isEmpty();
                    silent |= a.path("exp_alerts").isEmpty();
                }
            }
            if (!fires || !silent) {
                problems.add(file.getFileName() + " must expect " + alert + " both firing and not firing (fires: "
                        + fires + ", silent: " + silent + ")");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theReadmeExplainsEveryAlert() {
        String readme = Monitoring.read(Path.of("deploy/README.md"));
        int monitoring = readme.indexOf("\n### Monitoring");
        assertTrue(monitoring >= 0, "deploy/README.md has no Monitoring section");
        Matcher next = Pattern.compile("\n##+ ").matcher(readme);
        int end = next.find(monitoring + 1) ? next.start() : readme.length();
        String section = readme.substring(monitoring, end);
        Monitoring.alerts().keySet().forEach(a -> assertTrue(section.contains("`" + a + "`"),
                "deploy/README.md's Monitoring section does not explain " + a));
    }

    @Test
    void promtoolAcceptsTheRulesAndEveryUnitTestPasses() throws IOException {
        Promtool promtool = Promtool.require();
        Files.createDirectories(WORK);
        Monitoring.writeYaml(WORK.resolve(Monitoring.RULES_FILE), Monitoring.ruleFile());
        List<String> tests = new ArrayList<>();
        try (Stream<Path> list = Files.list(Monitoring.repoPath(Monitoring.RULE_TESTS))) {
            for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".test.yaml")).sorted().toList()) {
                Files.copy(p, WORK.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                tests.add(p.getFileName().toString());
            }
        }
        ExternalTool.Result check = promtool.run(WORK, List.of("check", "rules", Monitoring.RULES_FILE));
        assertEquals(0, check.exitCode(), promtool.version() + ": promtool check rules failed:\n" + check.output());
        int rules = 0;
        for (JsonNode group : Monitoring.ruleFile().path("groups")) {
            rules += group.path("rules").size();
        }
        assertTrue(check.output().contains("SUCCESS: " + rules + " rules found"), check.output());

        List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(tests);
        ExternalTool.Result test = promtool.run(WORK, args);
        assertEquals(0, test.exitCode(), promtool.version() + ": promtool test rules failed (files in " + WORK + "):\n"
                + test.output());
        assertFalse(test.output().contains("FAILED"), test.output());
    }
}
