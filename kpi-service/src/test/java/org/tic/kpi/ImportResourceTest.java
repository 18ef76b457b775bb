package org.tic.kpi;

import org.tic.devinfra.testing.EventProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.kpi.Api.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ImportResourceTest {

    private static final String HEADER = "cluster,metric,co2e.metricType,co2e.scope,co2e.gwpSet,co2e.targetYear,jobs.kind,"
            + "jobs.effect,jobs.phase,value,unit,periodStart,periodEnd,reportedOn,source.url,reportedBy,confidence,notes";
    private static UUID cluster;
    private static String slug;

    @BeforeEach
    void knownCluster() {
        if (cluster == null) {
            cluster = Fixtures.signatory("Import Cluster", "IN", 2025);
            slug = given().get("/api/v1/clusters/" + cluster + "/kpis").then().extract().path("slug");
        }
    }

    @Test
    void validRowsLandInvalidRowsAreReportedWithTheirLineNumbers() throws Exception {
        String csv = HEADER + "\r\n"
                + slug + ",CO2E,POTENTIAL_REDUCTION,SCOPE_1_2,AR6_GWP100,2030,,,,4.5,MT_CO2E_PER_YEAR,2024-01-01,2024-12-31,"
                + "2025-01-22,https://example.org/a,Coordinator,REPORTED,\"two-line note,\nwith a comma\"\r\n"      // lines 2-3
                + cluster + ",JOBS,,,,,CREATED,DIRECT,OPERATION,1200,MT_CO2E_PER_YEAR,2024-01-01,2024-12-31,,https://e.org/u,Coordinator,"
                + "ESTIMATED,\r\n"                                                                                    // line 4: jobs in Mt
                + cluster + ",JOBS,,,,,CREATED,DIRECT,OPERATION,1200,HEADCOUNT,2024-01-01,2024-12-31,,https://example.org/b,"
                + "Coordinator,ESTIMATED,\r\n"                                                                        // line 5
                + "no-such-cluster,JOBS,,,,,CREATED,DIRECT,OPERATION,5,HEADCOUNT,2024-01-01,2024-12-31,,https://e.org/c,x,"
                + "REPORTED,\r\n"                                                                                     // line 6
                + "\r\n"                                                                                              // line 7: blank
                + cluster + ",CO2E,AVOIDED,SCOPE_1,AR6_GWP100,,,,,abc,MT_CO2E_PER_YEAR,2024-01-01,2024-12-31,,https://e.org/d,"
                + "x,SURE,\r\n";                                                                                      // line 8
        try (EventProbe probe = new EventProbe("kpi.events")) {
            JsonPath accepted = given().contentType("text/csv").body(csv).post("/api/v1/kpi-imports")
                    .then().statusCode(202)
                    .header("Location", containsString("/api/v1/kpi-imports/"))
                    .body("rowsTotal", equalTo(5))
                    .extract().jsonPath();
            String id = accepted.getString("id");

            JsonPath done = awaitCompleted(id);
            assertEquals(5, done.getInt("rowsDone"));
            assertEquals(2, done.getInt("rowsImported"));
            assertEquals(3, done.getInt("rowsRejected"));
            assertEquals(List.of(4, 6, 8, 8), done.getList("errors.line"));
            assertEquals(List.of("unit", "cluster", "value", "confidence"), done.getList("errors.field"));

            given().get("/api/v1/kpi-imports/" + id + "/errors").then().statusCode(200)
                    .body("line", contains(4, 6, 8, 8));
            given().get("/api/v1/kpi-reports?importId=" + id + "&sort=metric").then()
                    .body("totalItems", equalTo(2))
                    .body("items.metric", contains("CO2E", "JOBS"))
                    .body("items[0].notes", equalTo("two-line note,\nwith a comma"))
                    .body("items[0].clusterId", equalTo(cluster.toString()));

            ConsumerRecord<String, String> completed = probe.awaitKey(id, 1).get(0);
            assertEquals("tic.kpi.import.completed.v1", EventProbe.header(completed, "ce_type"));
            assertEquals("kpi-import", EventProbe.header(completed, "ce_aggregatetype"));
            JsonNode data = CloudEvents.JSON.readTree(completed.value());
            assertEquals(5, data.get("rowsTotal").asInt());
            assertEquals(2, data.get("rowsImported").asInt());
            assertEquals(3, data.get("rowsRejected").asInt());
        }
        given().get("/api/v1/kpi-imports?size=5").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void aLargeFileStreamsInAndEveryRowLands() {
        int rows = 800;
        // Generated while it is sent (chunked, no Content-Length): neither side holds the file.
        InputStream body = new SequenceInputStream(new Enumeration<>() {
            int i = -1;

            @Override
            public boolean hasMoreElements() {
                return i < rows;
            }

            @Override
            public InputStream nextElement() {
                String line = i < 0 ? "cluster,metric,jobs.kind,jobs.effect,jobs.phase,value,unit,periodStart,periodEnd,"
                        + "source.document,reportedBy,confidence\n"
                        : slug + ",JOBS,CREATED,DIRECT,OPERATION," + (i + 1) + ",HEADCOUNT,2023-01-01,2023-12-31,"
                        + "generated row " + i + ",Load test,ESTIMATED\n";
                i++;
                return new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
            }
        });
        String id = given().contentType("text/csv").body(body).post("/api/v1/kpi-imports")
                .then().statusCode(202).body("rowsTotal", equalTo(rows)).extract().path("id");
        JsonPath done = awaitCompleted(id);
        assertEquals(rows, done.getInt("rowsImported"));
        assertEquals(0, done.getInt("rowsRejected"));
        given().get("/api/v1/kpi-reports?importId=" + id + "&size=1").then().body("totalItems", equalTo(rows));
    }

    @Test
    void theTemplateHasEveryColumnAndOneExamplePerMetric() {
        String template = given().get("/api/v1/kpi-imports/template").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = template.lines().toList();
        assertEquals(4, lines.size());
        assertEquals(String.join(",", org.tic.kpi.mapping.KpiCsv.IMPORT_COLUMNS), lines.get(0));
    }

    @Test
    void unreadableUploadsAreRefusedBeforeAnyJobStarts() {
        given().contentType("text/csv").body("cluster,metric,colour\n").post("/api/v1/kpi-imports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:invalid-csv-header"))
                .body("detail", containsString("unknown column 'colour'"))
                .body("detail", containsString("missing column 'value'"));
        given().contentType("text/csv").body("").post("/api/v1/kpi-imports").then().statusCode(400);
        given().contentType("text/csv").body(new byte[]{(byte) 0xC3, (byte) 0x28, ',', 'x', '\n'})
                .post("/api/v1/kpi-imports").then().statusCode(400).body("detail", containsString("UTF-8"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/kpi-imports").then().statusCode(415);
        given().get("/api/v1/kpi-imports/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theImportPathAcceptsBodiesLargerThanTheJsonLimit() {
        // 1.5 MB: refused as JSON (1 MB limit), accepted as an import (bulk limit), with Content-Length set.
        String padding = "x".repeat(1_500_000);
        given().contentType(ContentType.JSON).body("{\"notes\": \"" + padding + "\"}").post("/api/v1/kpi-reports")
                .then().statusCode(413).contentType("application/problem+json");
        // Blank lines are skipped without being staged: a big body with a single row.
        StringBuilder big = new StringBuilder(HEADER + "\n" + cluster + ",JOBS,,,,,CREATED,DIRECT,OPERATION,7,HEADCOUNT,"
                + "2024-01-01,2024-12-31,,https://example.org/big,Coordinator,ESTIMATED,\n");
        big.append("\r\n".repeat(750_000));
        String id = given().contentType("text/csv").body(big.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/kpi-imports")
                .then().statusCode(202).body("rowsTotal", equalTo(1)).body("bytes", org.hamcrest.Matchers.greaterThan(1_500_000))
                .extract().path("id");
        assertEquals(1, awaitCompleted(id).getInt("rowsImported")); // nothing left running for the next test class
    }

    @Test
    void importsAreBoundedInBytesAndRows() {
        // The test profile lowers the limits to 3 MB and 2,000 rows (production: 100 MB and a million).
        long jobsBefore = Db.count("select count(*) from kpi_import");
        // Content-Length over the bulk limit: refused by the body-size filter before any job exists.
        byte[] tooBig = (HEADER + "\n" + "\r\n".repeat(1_600_000)).getBytes(StandardCharsets.UTF_8);
        given().contentType("text/csv").body(tooBig).post("/api/v1/kpi-imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:payload-too-large"))
                .body("maxBytes", equalTo(3_000_000));
        assertEquals(jobsBefore, Db.count("select count(*) from kpi_import"));

        // Streamed without a Content-Length: counted while it arrives, refused at the limit; the job is failed.
        String streamed = given().contentType("text/csv").body(generated(HEADER, "\r\n".repeat(1_000), 1_600)).post("/api/v1/kpi-imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:payload-too-large"))
                .body("maxBytes", equalTo(3_000_000)).extract().asString();
        assertTrue(streamed.contains("3000000"), streamed);

        // More data rows than allowed: 413, and nothing of the file is applied.
        String row = slug + ",JOBS,,,,,CREATED,DIRECT,OPERATION,1,HEADCOUNT,2024-01-01,2024-12-31,,https://e.org/r,x,REPORTED,\n";
        given().contentType("text/csv").body(generated(HEADER, row, 2_001)).post("/api/v1/kpi-imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:too-many-rows"))
                .body("detail", containsString("2000"));
        assertEquals(0, Db.count("select count(*) from kpi_import where status not in ('FAILED', 'COMPLETED')"));
        assertEquals(0, Db.count("select count(*) from kpi_import_row r join kpi_import j on j.id = r.import_id "
                + "where j.status = 'FAILED' and r.status = 'IMPORTED'"));
    }

    /** A body generated while it is sent (chunked, no Content-Length): the header line, then a line repeated. */
    private static InputStream generated(String header, String line, int times) {
        return new SequenceInputStream(new Enumeration<>() {
            int i = -1;

            @Override
            public boolean hasMoreElements() {
                return i < times;
            }

            @Override
            public InputStream nextElement() {
                String text = i < 0 ? header + "\n" : line;
                i++;
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void aJobLeftBehindByADeadWorkerIsResumedFromItsFirstPendingRow() {
        // As a crashed replica leaves it: RUNNING, lease expired, one row done, two pending.
        UUID id = UUID.randomUUID();
        Db.execute("insert into kpi_import (id, status, columns, rows_total, rows_done, rows_imported, rows_rejected, bytes, "
                + "created_at, created_by, actor_secretariat, started_at, lease_until, version) values ('" + id + "', 'RUNNING', "
                + "'{cluster,metric,jobs.kind,jobs.effect,jobs.phase,value,unit,periodStart,periodEnd,source.document,reportedBy,confidence}', "
                + "3, 1, 0, 1, 100, now() - interval '10 minutes', 'secretariat-import', true, now() - interval '10 minutes', "
                + "now() - interval '5 minutes', 1)");
        String row = "'" + cluster + "','JOBS','CREATED','DIRECT','OPERATION','%s','HEADCOUNT','2022-01-01','2022-12-31','doc','x','REPORTED'";
        Db.execute("insert into kpi_import_row (import_id, line_no, fields, status, errors) values "
                + "('" + id + "', 2, array[" + row.formatted("1") + "], 'REJECTED', '[{\"field\":\"value\",\"message\":\"earlier\"}]'), "
                + "('" + id + "', 3, array[" + row.formatted("2") + "], 'PENDING', null), "
                + "('" + id + "', 4, array[" + row.formatted("3") + "], 'PENDING', null)");
        JsonPath done = awaitCompleted(id.toString());
        assertEquals(3, done.getInt("rowsDone"));
        assertEquals(2, done.getInt("rowsImported"));
        assertEquals(1, done.getInt("rowsRejected"));
        assertEquals(List.of(2), done.getList("errors.line"));

        // An upload whose request died mid-way is failed after a while rather than left RECEIVING forever.
        UUID cut = UUID.randomUUID();
        Db.execute("insert into kpi_import (id, status, columns, created_at, version) values ('" + cut + "', 'RECEIVING', "
                + "'{cluster,metric}', now() - interval '2 hours', 1)");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "FAILED".equals(given().get("/api/v1/kpi-imports/" + cut).then().extract().path("status")));
    }

    private static JsonPath awaitCompleted(String id) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                "COMPLETED".equals(given().get("/api/v1/kpi-imports/" + id).then().statusCode(200).extract().path("status")));
        return given().get("/api/v1/kpi-imports/" + id).then().statusCode(200).extract().jsonPath();
    }
}
