package org.tic.kpi;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.testing.TestTokens;
import org.tic.kpi.repository.ImportedReportWriter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.kpi.Api.given;

/**
 * The set-based import (chunks of 50 rows in the test profile) against the simple way: the same rows posted one by
 * one through the API must leave exactly the same reports and current values; bad rows scattered through a file are
 * each reported at their line and nothing of them lands; a coordinator's rows for another cluster are rejected.
 */
@QuarkusTest
class ImportSetBasedTest {

    private static final List<String> HEADER = List.of("cluster", "projectId", "metric", "metricName", "co2e.metricType",
            "co2e.scope", "co2e.gwpSet", "co2e.targetYear", "jobs.kind", "jobs.effect", "jobs.phase", "gdp.currency",
            "gdp.priceYear", "gdp.basis", "value", "unit", "periodStart", "periodEnd", "reportedOn", "source.url",
            "source.document", "reportedBy", "confidence", "notes");

    /** One generated row, as CSV cells (by column) and as the equivalent API body. */
    private record Row(Map<String, String> cells) {
        String csv() {
            return HEADER.stream().map(h -> cells.getOrDefault(h, "")).collect(Collectors.joining(","));
        }

        Map<String, Object> body() {
            Map<String, Object> b = new LinkedHashMap<>();
            if (cells.containsKey("cluster")) {
                b.put("clusterId", cells.get("cluster"));
            }
            if (cells.containsKey("projectId")) {
                b.put("projectId", cells.get("projectId"));
            }
            b.put("metric", cells.get("metric"));
            if (cells.containsKey("metricName")) {
                b.put("metricName", cells.get("metricName"));
            }
            switch (cells.get("metric")) {
                case "CO2E" -> b.put("co2e", Map.of("metricType", cells.get("co2e.metricType"), "scope",
                        cells.get("co2e.scope"), "gwpSet", cells.get("co2e.gwpSet"), "targetYear",
                        Integer.valueOf(cells.get("co2e.targetYear"))));
                case "JOBS" -> b.put("jobs", Map.of("kind", cells.get("jobs.kind"), "effect", cells.get("jobs.effect"),
                        "phase", cells.get("jobs.phase")));
                case "GDP" -> b.put("gdp", Map.of("currency", cells.get("gdp.currency"), "priceYear",
                        Integer.valueOf(cells.get("gdp.priceYear")), "basis", cells.get("gdp.basis")));
                default -> {
                }
            }
            b.put("value", cells.get("value"));
            b.put("unit", cells.get("unit"));
            b.put("periodStart", cells.get("periodStart"));
            b.put("periodEnd", cells.get("periodEnd"));
            if (cells.containsKey("reportedOn")) {
                b.put("reportedOn", cells.get("reportedOn"));
            }
            b.put("source", cells.containsKey("source.url") ? Map.of("url", cells.get("source.url"))
                    : Map.of("document", cells.get("source.document")));
            b.put("reportedBy", cells.get("reportedBy"));
            b.put("confidence", cells.get("confidence"));
            b.put("notes", cells.get("notes"));
            return b;
        }
    }

    /** Rows over a few subjects, every metric, several periods and report dates (and ties), some defaulted. */
    private static List<Row> generated(int n, List<UUID> clusters, UUID project, String tag) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> c = new LinkedHashMap<>();
            if (i % 10 == 9) {
                c.put("projectId", project.toString());
            } else {
                c.put("cluster", clusters.get(i % clusters.size()).toString());
            }
            int year = 2021 + i % 3;
            switch (i % 4) {
                case 0 -> {
                    c.put("metric", "CO2E");
                    c.put("co2e.metricType", "POTENTIAL_REDUCTION");
                    c.put("co2e.scope", i % 8 == 0 ? "SCOPE_1_2" : "SCOPE_1");
                    c.put("co2e.gwpSet", i % 3 == 0 ? "AR6_GWP100" : "AR5_GWP100");
                    c.put("co2e.targetYear", "2030");
                    c.put("value", (100 + i) + ".5");
                    c.put("unit", "KT_CO2E_PER_YEAR");
                }
                case 1 -> {
                    c.put("metric", "JOBS");
                    c.put("jobs.kind", "CREATED");
                    c.put("jobs.effect", "DIRECT");
                    c.put("jobs.phase", "OPERATION");
                    c.put("value", String.valueOf(10 + i));
                    c.put("unit", "HEADCOUNT");
                }
                case 2 -> {
                    c.put("metric", "GDP");
                    c.put("gdp.currency", "USD");
                    c.put("gdp.priceYear", String.valueOf(2020 + i % 4));
                    c.put("gdp.basis", "DIRECT");
                    c.put("value", "0." + (i + 1));
                    c.put("unit", "CURRENCY_MILLIONS");
                }
                default -> {
                    c.put("metric", "OTHER");
                    c.put("metricName", i % 8 == 3 ? "Green  Hydrogen" : "green hydrogen");
                    c.put("value", String.valueOf(i * 3));
                    c.put("unit", "MWH");
                }
            }
            c.put("periodStart", year + "-01-01");
            c.put("periodEnd", year + "-12-31");
            if (i % 7 != 0) {
                c.put("reportedOn", "2025-0" + (1 + i % 2) + "-15"); // many ties: the later line must win
            }
            if (i % 2 == 0) {
                c.put("source.url", "https://example.org/" + tag + "/" + i);
            } else {
                c.put("source.document", "Report " + i);
            }
            c.put("reportedBy", "Generator");
            c.put("confidence", i % 3 == 0 ? "VERIFIED" : "REPORTED");
            c.put("notes", tag + " row " + String.format("%04d", i));
            rows.add(new Row(c));
        }
        return rows;
    }

    private static String csv(List<Row> rows) {
        return String.join(",", HEADER) + "\n" + rows.stream().map(Row::csv).collect(Collectors.joining("\n")) + "\n";
    }

    private static String in(List<UUID> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",", "(", ")"));
    }

    /** Every column but ids, import id and the recording time; series_id = id as a flag. */
    private static List<String> reports(List<UUID> subjects) {
        List<String> columns = new ArrayList<>(ImportedReportWriter.COLUMNS);
        columns.removeAll(List.of("id", "series_id", "import_id", "recorded_at"));
        return Db.rows("select " + String.join(", ", columns) + ", series_id = id from kpi_report where subject_id in "
                + in(subjects) + " order by notes");
    }

    private static List<String> currentValues(List<UUID> subjects) {
        return Db.rows("select c.subject_type, c.subject_id, c.bucket_key, c.normalised_value, c.qualifier, c.reported_on, "
                + "r.notes from kpi_current c join kpi_report r on r.id = c.report_id where c.subject_id in " + in(subjects)
                + " order by 1, 2, 3");
    }

    @Test
    void anImportLeavesExactlyWhatPostingTheRowsOneByOneLeaves() {
        List<UUID> clusters = List.of(Fixtures.signatory("Same A", "NL", 2024), Fixtures.signatory("Same B", "DE", 2024),
                Fixtures.signatory("Same C", "FR", 2024));
        UUID project = Fixtures.project("Same project", "HYDROGEN", "FEASIBILITY", List.of(clusters.get(0), clusters.get(1)));
        List<UUID> subjects = new ArrayList<>(clusters);
        subjects.add(project);
        List<Row> rows = generated(230, clusters, project, "same");

        String id = given().contentType("text/csv").body(csv(rows)).post("/api/v1/kpi-imports")
                .then().statusCode(202).extract().path("id");
        JsonPath done = awaitCompleted(id);
        assertEquals(rows.size(), done.getInt("rowsImported"), done.prettify());
        List<String> imported = reports(subjects);
        List<String> importedCurrent = currentValues(subjects);
        assertEquals(rows.size(), imported.size());
        assertEquals(rows.size(), Db.count("select count(*) from outbox_event where event_type = 'tic.kpi.report.reported.v1' "
                + "and aggregate_id in (select id::text from kpi_report where import_id = '" + id + "')"));

        Db.execute("delete from kpi_current where subject_id in " + in(subjects) + "; delete from kpi_report where subject_id in "
                + in(subjects));
        for (Row row : rows) {
            given().contentType(ContentType.JSON).body(row.body()).post("/api/v1/kpi-reports").then().statusCode(201);
        }
        assertEquals(imported, reports(subjects));
        assertEquals(importedCurrent, currentValues(subjects));
        assertTrue(importedCurrent.size() >= 10, importedCurrent.toString()); // several buckets per subject compared
    }

    @Test
    void badRowsScatteredThroughAFileAreEachReportedAtTheirLineAndNothingOfThemLands() {
        UUID cluster = Fixtures.signatory("Scattered", "ES", 2024);
        UUID project = Fixtures.project("Scattered project", "CCUS", "FEASIBILITY", List.of(cluster));
        List<Row> rows = generated(180, List.of(cluster), project, "scattered");
        List<String> expected = new ArrayList<>();
        Set<String> badNotes = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i % 17 != 4) {
                continue;
            }
            Map<String, String> c = rows.get(i).cells();
            int line = i + 2; // the header is line 1
            switch ((i / 17) % 4) {
                case 0 -> {
                    c.put("value", "abc");
                    expected.add(line + ":value");
                }
                case 1 -> {
                    c.remove("projectId");
                    c.put("cluster", "no-such-cluster-" + i);
                    expected.add(line + ":cluster");
                }
                case 2 -> {
                    c.put("periodStart", "2024-13-01");
                    c.put("confidence", "SURE");
                    expected.add(line + ":periodStart");
                    expected.add(line + ":confidence");
                }
                default -> {
                    c.put("reportedOn", "2099-01-01");
                    expected.add(line + ":reportedOn");
                }
            }
            badNotes.add(c.get("notes"));
        }
        String id = given().contentType("text/csv").body(csv(rows)).post("/api/v1/kpi-imports")
                .then().statusCode(202).extract().path("id");
        JsonPath done = awaitCompleted(id);
        assertEquals(badNotes.size(), done.getInt("rowsRejected"));
        assertEquals(rows.size() - badNotes.size(), done.getInt("rowsImported"));
        JsonPath errors = given().get("/api/v1/kpi-imports/" + id + "/errors?size=200").then().statusCode(200)
                .extract().jsonPath();
        List<Integer> lines = errors.getList("line", Integer.class);
        List<String> fields = errors.getList("field", String.class);
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            actual.add(lines.get(i) + ":" + fields.get(i));
        }
        assertEquals(expected, actual);
        assertEquals(0, Db.count("select count(*) from kpi_report where import_id = '" + id + "' and notes in "
                + badNotes.stream().map(n -> "'" + n + "'").collect(Collectors.joining(",", "(", ")"))));
        assertEquals(rows.size() - badNotes.size(), Db.count("select count(distinct notes) from kpi_report where import_id = '"
                + id + "'"));
    }

    @Test
    void aCoordinatorsRowsForAnotherClusterOrItsProjectsAreRejectedTheOthersLand() {
        UUID mine = Fixtures.signatory("Rights mine", "IT", 2024);
        UUID other = Fixtures.signatory("Rights other", "PT", 2024);
        String otherSlug = given().get("/api/v1/clusters/" + other + "/kpis").then().extract().path("slug");
        UUID myProject = Fixtures.project("Rights my project", "CCUS", "FEASIBILITY", List.of(other, mine));
        UUID otherProject = Fixtures.project("Rights other project", "CCUS", "FEASIBILITY", List.of(other));
        String row = ",JOBS,,,,,,CREATED,DIRECT,OPERATION,,,,%s,HEADCOUNT,2024-01-01,2024-12-31,,,doc,x,REPORTED,%s";
        String csv = String.join(",", HEADER) + "\n"
                + mine + "," + row.formatted("1", "mine") + "\n"                      // line 2
                + otherSlug + "," + row.formatted("2", "other by slug") + "\n"         // line 3
                + other + "," + row.formatted("3", "other by id") + "\n"               // line 4
                + "," + myProject + row.formatted("4", "my project") + "\n"      // line 5: participant
                + "," + otherProject + row.formatted("5", "other project") + "\n"; // line 6
        String id = Api.as(TestTokens.coordinator(mine)).contentType("text/csv").body(csv).post("/api/v1/kpi-imports")
                .then().statusCode(202).extract().path("id");
        JsonPath done = awaitCompleted(id);
        assertEquals(2, done.getInt("rowsImported"));
        assertEquals(List.of(3, 4, 6), done.getList("errors.line"));
        assertEquals(List.of("cluster", "cluster", "projectId"), done.getList("errors.field"));
        assertTrue(done.getList("errors.message", String.class).stream()
                .allMatch(m -> m.startsWith("you may import only for")), done.prettify());
        assertEquals(List.of("mine", "my project"), Db.rows("select notes from kpi_report where import_id = '" + id
                + "' order by notes"));
    }

    private static JsonPath awaitCompleted(String id) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                "COMPLETED".equals(given().get("/api/v1/kpi-imports/" + id).then().statusCode(200).extract().path("status")));
        return given().get("/api/v1/kpi-imports/" + id).then().statusCode(200).extract().jsonPath();
    }
}
