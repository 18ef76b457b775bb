package org.tic.kpi;

import org.tic.devinfra.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.identity.JwtKeys;
import org.tic.devinfra.identity.JwtMinter;
import org.tic.devinfra.testing.TestTokens;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write (and every private read) of kpi-service × {anonymous, partner, coordinator of this cluster,
 * coordinator of another cluster, secretariat}, each cell asserted, with real signed tokens; the public reads too.
 * Each cell gets a fresh fixture (its own report or import job), so one caller's success cannot change what the next
 * one meets. The clusters and the project come from membership and project events, once: KPI writes never change them.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Who { ANONYMOUS, PARTNER, COORDINATOR_OF_THIS, COORDINATOR_OF_OTHER, SECRETARIAT }

    private static final String IMPORT_HEADER = "%s,metric,jobs.kind,jobs.effect,jobs.phase,value,unit,periodStart,"
            + "periodEnd,source.document,reportedBy,confidence\n";
    private static final String IMPORT_ROW = "%s,JOBS,CREATED,DIRECT,OPERATION,%s,HEADCOUNT,2024-01-01,2024-12-31,"
            + "Annual report,Matrix,REPORTED\n";

    /** This cluster (a participant, not the lead, of {@link #project}); the project's lead; a cluster nobody here coordinates. */
    private static UUID cluster;
    private static UUID lead;
    private static UUID stranger;
    private static UUID project;
    private static UUID strangersProject;
    private static String clusterSlug;
    /** The coordinator of this cluster is one person (one token subject) throughout: imports are "its own". */
    private static String coordinatorSubject;

    record Ctx(Map<String, String> ids) {
        String id(String name) {
            return ids.get(name);
        }
    }

    record Row(String name, Supplier<Ctx> fixture, BiFunction<Ctx, RequestSpecification, Response> call, int[] expected) {
    }

    @BeforeEach
    void readModels() {
        if (cluster == null || Db.count("select count(*) from project_record where id = '" + project + "'") == 0) {
            cluster = Fixtures.signatory("Matrix Cluster " + suffix(), "NO", 2024);
            lead = Fixtures.signatory("Matrix Lead " + suffix(), "NO", 2023);
            stranger = Fixtures.signatory("Matrix Stranger " + suffix(), "DK", 2022);
            project = Fixtures.project("Matrix Project", "CO2_TRANSPORT_STORAGE", "FEED", List.of(lead, cluster));
            strangersProject = Fixtures.project("Stranger Project", "CO2_CAPTURE", "FEASIBILITY", List.of(stranger));
            clusterSlug = given().get("/api/v1/clusters/" + cluster + "/kpis").then().statusCode(200).extract().path("slug");
            coordinatorSubject = "coordinator-" + suffix();
        }
    }

    private static int[] expect(int anonymous, int partner, int coordinatorOfThis, int coordinatorOfOther, int secretariat) {
        return new int[]{anonymous, partner, coordinatorOfThis, coordinatorOfOther, secretariat};
    }

    private static String token(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case PARTNER -> TestTokens.partner(UUID.randomUUID());
            case COORDINATOR_OF_THIS -> coordinatorOfThis();
            case COORDINATOR_OF_OTHER -> TestTokens.coordinator(stranger);
            case SECRETARIAT -> TestTokens.secretariat();
        };
    }

    private static String coordinatorOfThis() {
        return TestTokens.minter().coordinator(coordinatorSubject, List.of(cluster.toString()));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    // --- fixtures -----------------------------------------------------------------------------------------------

    private static Ctx none() {
        return new Ctx(new LinkedHashMap<>());
    }

    private static Ctx clusterReport() {
        Ctx c = none();
        c.ids().put("report", Fixtures.report(Fixtures.jobs(cluster, "100", "2025-01-22")));
        return c;
    }

    private static Ctx projectReport() {
        Ctx c = none();
        c.ids().put("report", Fixtures.report(projectJobs(project, "40")));
        return c;
    }

    /** An import job uploaded by the coordinator of this cluster (so it is that coordinator's own). */
    private static Ctx coordinatorsImport() {
        Ctx c = none();
        String id = Api.as(coordinatorOfThis()).contentType("text/csv").body(csv("cluster", clusterSlug, "7"))
                .post("/api/v1/kpi-imports").then().statusCode(202).extract().path("id");
        awaitCompleted(id);
        c.ids().put("import", id);
        return c;
    }

    static Map<String, Object> projectJobs(UUID projectId, String value) {
        Map<String, Object> body = Fixtures.jobs(null, value, "2025-01-22");
        body.remove("clusterId");
        body.put("projectId", projectId);
        return body;
    }

    private static String csv(String column, String subject, String value) {
        return IMPORT_HEADER.formatted(column) + IMPORT_ROW.formatted(subject, value);
    }

    private static Map<String, Object> correction(Map<String, Object> report) {
        return Map.of("reason", "matrix correction", "report", report);
    }

    /** A 202 starts a job: wait for it, so nothing is left running for the next cell or test class. */
    private static Response upload(RequestSpecification r, String body) {
        Response response = r.contentType("text/csv").body(body).post("/api/v1/kpi-imports");
        if (response.statusCode() == 202) {
            awaitCompleted(response.path("id"));
        }
        return response;
    }

    static JsonPath awaitCompleted(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                "COMPLETED".equals(given().get("/api/v1/kpi-imports/" + id).then().statusCode(200).extract().path("status")));
        return given().get("/api/v1/kpi-imports/" + id).then().extract().jsonPath();
    }

    private static RequestSpecification given() {
        return Api.given();
    }

    // --- the matrix ---------------------------------------------------------------------------------------------

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // writes
        rows.add(new Row("POST /kpi-reports (cluster in the body)", AuthorizationMatrixTest::none,
                (c, r) -> r.contentType(ContentType.JSON).body(Fixtures.jobs(cluster, "10", "2025-01-22")).post("/api/v1/kpi-reports"),
                expect(401, 403, 201, 403, 201)));
        rows.add(new Row("POST /kpi-reports (project of this cluster, which is not its lead)", AuthorizationMatrixTest::none,
                (c, r) -> r.contentType(ContentType.JSON).body(projectJobs(project, "11")).post("/api/v1/kpi-reports"),
                expect(401, 403, 201, 403, 201)));
        rows.add(new Row("POST /kpi-reports/{id}/corrections (cluster report)", AuthorizationMatrixTest::clusterReport,
                (c, r) -> r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                        .body(correction(Fixtures.jobs(cluster, "120", "2025-02-01")))
                        .post("/api/v1/kpi-reports/" + c.id("report") + "/corrections"),
                expect(401, 403, 201, 403, 201)));
        rows.add(new Row("POST /kpi-reports/{id}/corrections (project report)", AuthorizationMatrixTest::projectReport,
                (c, r) -> r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                        .body(correction(projectJobs(project, "45")))
                        .post("/api/v1/kpi-reports/" + c.id("report") + "/corrections"),
                expect(401, 403, 201, 403, 201)));
        rows.add(new Row("POST /kpi-imports (the upload; rows are checked by the worker, see below)", AuthorizationMatrixTest::none,
                (c, r) -> upload(r, csv("cluster", clusterSlug, "3")),
                expect(401, 403, 202, 202, 202)));
        // private reads
        rows.add(new Row("GET /kpi-imports (own jobs, or all for the secretariat)", AuthorizationMatrixTest::none,
                (c, r) -> r.get("/api/v1/kpi-imports"),
                expect(401, 403, 200, 200, 200)));
        rows.add(new Row("GET /kpi-imports/{id} (the coordinator's own job)", AuthorizationMatrixTest::coordinatorsImport,
                (c, r) -> r.get("/api/v1/kpi-imports/" + c.id("import")),
                expect(401, 403, 200, 404, 200)));
        rows.add(new Row("GET /kpi-imports/{id}/errors (the coordinator's own job)", AuthorizationMatrixTest::coordinatorsImport,
                (c, r) -> r.get("/api/v1/kpi-imports/" + c.id("import") + "/errors"),
                expect(401, 403, 200, 404, 200)));
        // public reads
        rows.add(new Row("GET /kpi-reports (public)", AuthorizationMatrixTest::none,
                (c, r) -> r.queryParam("clusterId", cluster).get("/api/v1/kpi-reports"),
                expect(200, 200, 200, 200, 200)));
        rows.add(new Row("GET /kpi-reports/{id} (public)", AuthorizationMatrixTest::clusterReport,
                (c, r) -> r.get("/api/v1/kpi-reports/" + c.id("report")),
                expect(200, 200, 200, 200, 200)));
        rows.add(new Row("GET /kpi-reports/{id}/history (public)", AuthorizationMatrixTest::clusterReport,
                (c, r) -> r.get("/api/v1/kpi-reports/" + c.id("report") + "/history"),
                expect(200, 200, 200, 200, 200)));
        rows.add(new Row("GET /kpi-reports/export (public)", AuthorizationMatrixTest::none,
                (c, r) -> r.queryParam("clusterId", cluster).get("/api/v1/kpi-reports/export"),
                expect(200, 200, 200, 200, 200)));
        rows.add(new Row("GET /kpi-imports/template (public)", AuthorizationMatrixTest::none,
                (c, r) -> r.get("/api/v1/kpi-imports/template"),
                expect(200, 200, 200, 200, 200)));
        rows.add(new Row("GET /clusters/{id}/kpis (public)", AuthorizationMatrixTest::none,
                (c, r) -> r.get("/api/v1/clusters/" + cluster + "/kpis"),
                expect(200, 200, 200, 200, 200)));
        rows.add(new Row("GET /initiative/summary (public)", AuthorizationMatrixTest::none,
                (c, r) -> r.get("/api/v1/initiative/summary"),
                expect(200, 200, 200, 200, 200)));
        rows.add(new Row("GET /initiative/breakdowns (public)", AuthorizationMatrixTest::none,
                (c, r) -> r.queryParam("by", "country").queryParam("format", "csv").get("/api/v1/initiative/breakdowns"),
                expect(200, 200, 200, 200, 200)));
        rows.add(new Row("GET /initiative/timeseries (public)", AuthorizationMatrixTest::none,
                (c, r) -> r.queryParam("interval", "quarter").get("/api/v1/initiative/timeseries"),
                expect(200, 200, 200, 200, 200)));
        rows.add(new Row("GET /initiative/pipeline (public)", AuthorizationMatrixTest::none,
                (c, r) -> r.get("/api/v1/initiative/pipeline"),
                expect(200, 200, 200, 200, 200)));
        rows.add(new Row("GET /initiative/published (public)", AuthorizationMatrixTest::none,
                (c, r) -> r.get("/api/v1/initiative/published"),
                expect(200, 200, 200, 200, 200)));
        return rows;
    }

    @Test
    void everyCellOfTheMatrix() {
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Row row : rows()) {
            for (Who who : Who.values()) {
                Ctx ctx = row.fixture().get();
                Response response = row.call().apply(ctx, Api.as(token(who)));
                int status = response.then().extract().statusCode();
                int expected = row.expected()[who.ordinal()];
                cells++;
                if (status != expected) {
                    failures.add(row.name() + " as " + who + ": expected " + expected + ", got " + status
                            + " " + response.asString());
                } else if (status >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    failures.add(row.name() + " as " + who + ": " + status + " is not problem+json");
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cells + " cells wrong:\n" + String.join("\n", failures));
    }

    // --- another cluster through the body, the path or CSV rows -------------------------------------------------

    @Test
    void aCoordinatorCannotReachAnotherClusterThroughTheBodyOrThePath() {
        String mine = coordinatorOfThis();
        // body: someone else's cluster, someone else's project, or both subjects at once
        Api.as(mine).contentType(ContentType.JSON).body(Fixtures.jobs(stranger, "1", "2025-01-22")).post("/api/v1/kpi-reports")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString(stranger.toString()));
        Api.as(mine).contentType(ContentType.JSON).body(projectJobs(strangersProject, "1")).post("/api/v1/kpi-reports")
                .then().statusCode(403).body("detail", containsString(strangersProject.toString()));
        Map<String, Object> both = Fixtures.jobs(cluster, "1", "2025-01-22");
        both.put("projectId", strangersProject);
        Api.as(mine).contentType(ContentType.JSON).body(both).post("/api/v1/kpi-reports").then().statusCode(403);

        // path: correcting someone else's report with a body naming my own cluster is authorised against the stored report
        String theirs = Fixtures.report(Fixtures.jobs(stranger, "500", "2025-01-22"));
        Api.as(mine).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(correction(Fixtures.jobs(cluster, "1", "2025-02-01")))
                .post("/api/v1/kpi-reports/" + theirs + "/corrections").then().statusCode(403);
        // ... and my own report cannot be moved to someone else's cluster or project by a correction
        String own = Fixtures.report(Fixtures.jobs(cluster, "600", "2025-01-22"));
        Api.as(mine).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(correction(Fixtures.jobs(stranger, "1", "2025-02-01")))
                .post("/api/v1/kpi-reports/" + own + "/corrections").then().statusCode(403);
        Api.as(mine).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(correction(projectJobs(strangersProject, "1")))
                .post("/api/v1/kpi-reports/" + own + "/corrections").then().statusCode(403);
        // nothing of that was written
        given().get("/api/v1/kpi-reports/" + theirs).then().statusCode(200).body("revision", equalTo(1)).body("value", equalTo(500));
        given().get("/api/v1/kpi-reports/" + own).then().statusCode(200).body("revision", equalTo(1));
        given().queryParam("projectId", strangersProject).get("/api/v1/kpi-reports").then().body("totalItems", equalTo(0));
        // a report for an unknown project is a validation problem, not a way to probe rights
        Api.as(mine).contentType(ContentType.JSON).body(projectJobs(UUID.randomUUID(), "1")).post("/api/v1/kpi-reports")
                .then().statusCode(400).body("violations[0].field", equalTo("projectId"));
    }

    @Test
    void aCoordinatorsCsvRowsForOtherClustersAreRejectedAsRowErrors() throws Exception {
        String strangerSlug = given().get("/api/v1/clusters/" + stranger + "/kpis").then().extract().path("slug");
        String body = "cluster,projectId,metric,jobs.kind,jobs.effect,jobs.phase,value,unit,periodStart,periodEnd,"
                + "source.document,reportedBy,confidence\n"
                + clusterSlug + ",,JOBS,CREATED,DIRECT,OPERATION,1,HEADCOUNT,2024-01-01,2024-12-31,doc,x,REPORTED\n"   // 2: mine (slug)
                + cluster + ",,JOBS,CREATED,DIRECT,OPERATION,2,HEADCOUNT,2024-01-01,2024-12-31,doc,x,REPORTED\n"       // 3: mine (id)
                + strangerSlug + ",,JOBS,CREATED,DIRECT,OPERATION,3,HEADCOUNT,2024-01-01,2024-12-31,doc,x,REPORTED\n"  // 4: theirs (slug)
                + stranger + ",,JOBS,CREATED,DIRECT,OPERATION,4,HEADCOUNT,2024-01-01,2024-12-31,doc,x,REPORTED\n"      // 5: theirs (id)
                + "," + project + ",JOBS,CREATED,DIRECT,OPERATION,5,HEADCOUNT,2024-01-01,2024-12-31,doc,x,REPORTED\n"  // 6: my project
                + "," + strangersProject + ",JOBS,CREATED,DIRECT,OPERATION,6,HEADCOUNT,2024-01-01,2024-12-31,doc,x,REPORTED\n"; // 7
        try (EventProbe probe = new EventProbe("kpi.events")) {
            String id = Api.as(coordinatorOfThis()).contentType("text/csv").body(body).post("/api/v1/kpi-imports")
                    .then().statusCode(202).body("createdBy", equalTo(coordinatorSubject)).extract().path("id");
            JsonPath done = awaitCompleted(id);
            assertEquals(3, done.getInt("rowsImported"));
            assertEquals(3, done.getInt("rowsRejected"));
            assertEquals(List.of(4, 5, 7), done.getList("errors.line"));
            assertEquals(List.of("cluster", "cluster", "projectId"), done.getList("errors.field"));
            for (String message : done.<String>getList("errors.message")) {
                assertTrue(message.startsWith("you may import only for"), message);
            }
            // the rows landed as the coordinator who uploaded them, and the job's event names it too
            given().queryParam("importId", id).get("/api/v1/kpi-reports").then()
                    .body("items.recordedBy", everyItem(equalTo(coordinatorSubject)));
            ConsumerRecord<String, String> completed = probe.awaitKey(id, 1).get(0);
            assertEquals(coordinatorSubject, EventProbe.header(completed, "ce_actor"));
        }
        given().queryParam("clusterId", stranger).queryParam("metric", "JOBS").get("/api/v1/kpi-reports").then()
                .body("items.value", not(hasItem(3))).body("items.value", not(hasItem(4)));
    }

    @Test
    void aCoordinatorSeesOnlyItsOwnImportsAndTheSecretariatSeesAll() {
        String jobId = coordinatorsImport().id("import");
        // the uploader
        Api.as(coordinatorOfThis()).get("/api/v1/kpi-imports?size=200").then().statusCode(200)
                .body("items.id", hasItem(jobId)).body("items.createdBy", everyItem(equalTo(coordinatorSubject)));
        // a colleague coordinating the same cluster, with a token of its own, does not see it
        String colleague = TestTokens.coordinator(cluster);
        Api.as(colleague).get("/api/v1/kpi-imports?size=200").then().statusCode(200).body("items.id", not(hasItem(jobId)));
        Api.as(colleague).get("/api/v1/kpi-imports/" + jobId).then().statusCode(404).contentType("application/problem+json");
        // the secretariat sees it, with who uploaded it
        given().get("/api/v1/kpi-imports/" + jobId).then().statusCode(200).body("createdBy", equalTo(coordinatorSubject));
        // page size caps hold here too
        Api.as(coordinatorOfThis()).get("/api/v1/kpi-imports?size=201").then().statusCode(400);
    }

    // --- what a report shows to whom ----------------------------------------------------------------------------

    @Test
    void personalProvenanceIsShownOnlyToThoseWhoMayReportForTheSubject() {
        Map<String, Object> body = Fixtures.jobs(cluster, "77", "2025-01-22");
        body.put("reportedBy", "Jane Doe, Matrix Cluster coordinator");
        body.put("notes", "Ask Jane on +47 555 0100 for the site split");
        String writer = TestTokens.minter().secretariat("jane.secretariat");
        String id = Api.as(writer).contentType(ContentType.JSON).body(body).post("/api/v1/kpi-reports")
                .then().statusCode(201).body("recordedBy", equalTo("jane.secretariat")).extract().path("id");
        String projectReport = Fixtures.report(projectJobs(project, "78"));

        for (Who who : Who.values()) {
            boolean sees = who == Who.COORDINATOR_OF_THIS || who == Who.SECRETARIAT;
            String token = token(who);
            for (String path : List.of("/api/v1/kpi-reports/" + id, "/api/v1/kpi-reports/" + projectReport)) {
                Map<String, Object> view = Api.as(token).get(path).then().statusCode(200).extract().jsonPath().getMap("");
                assertEquals(sees, view.containsKey("reportedBy"), who + " " + path + " " + view);
                assertEquals(sees, view.containsKey("recordedBy"), who + " " + path + " " + view);
                // the public still sees what makes the figure checkable
                assertTrue(view.containsKey("source") && view.containsKey("confidence") && view.containsKey("value"), view.toString());
            }
            Map<String, Object> own = Api.as(token).get("/api/v1/kpi-reports/" + id).then()
                    .header("Vary", containsString("Authorization")).extract().jsonPath().getMap("");
            assertEquals(sees, own.containsKey("notes"), who + " " + own);
            List<Map<String, Object>> listed = Api.as(token).queryParam("clusterId", cluster).queryParam("size", 200)
                    .get("/api/v1/kpi-reports").then().statusCode(200).extract().jsonPath().getList("items");
            assertTrue(listed.stream().allMatch(v -> v.containsKey("reportedBy") == sees), who + " list");
            List<Map<String, Object>> history = Api.as(token).get("/api/v1/kpi-reports/" + id + "/history")
                    .then().extract().jsonPath().getList("");
            assertEquals(sees, history.get(0).containsKey("reportedBy"), who + " history");
            String json = Api.as(token).queryParam("clusterId", cluster).queryParam("format", "json")
                    .get("/api/v1/kpi-reports/export").then().statusCode(200).extract().asString();
            assertEquals(sees, json.contains("Jane Doe"), who + " json export");
            String csv = Api.as(token).queryParam("clusterId", cluster).get("/api/v1/kpi-reports/export")
                    .then().statusCode(200).extract().asString();
            assertEquals(sees, csv.contains("Jane Doe"), who + " csv export");
            assertEquals(sees, csv.contains("+47 555 0100"), who + " csv export notes");
            assertTrue(csv.contains(id), who + " sees the figure itself");
        }
    }

    // --- tokens and actors --------------------------------------------------------------------------------------

    @Test
    void badTokensAreRefusedWith401() throws Exception {
        Map<String, Object> body = Fixtures.jobs(cluster, "5", "2025-01-22");
        JwtMinter real = TestTokens.minter();
        JwtKeys stranger = JwtKeys.loadOrCreate(Files.createTempDirectory("stranger-keys"));
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("iss", real.issuer(), "aud", JwtMinter.AUDIENCE, "sub", "someone", "upn", "someone",
                "groups", List.of("secretariat"), "iat", now.getEpochSecond(), "exp", now.plus(Duration.ofHours(1)).getEpochSecond()));
        Map<String, Object> expired = new LinkedHashMap<>(claims);
        expired.put("iat", now.minus(Duration.ofHours(3)).getEpochSecond());
        expired.put("exp", now.minus(Duration.ofHours(2)).getEpochSecond());
        Map<String, Object> wrongIssuer = new LinkedHashMap<>(claims);
        wrongIssuer.put("iss", "https://evil.example/issuer");
        Map<String, Object> wrongAudience = new LinkedHashMap<>(claims);
        wrongAudience.put("aud", "another-platform");
        Map<String, Object> noAudience = new LinkedHashMap<>(claims);
        noAudience.remove("aud");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", JwtMinter.sign(expired, TestTokens.keys().privateKey()));
        tokens.put("wrongly signed", JwtMinter.sign(claims, stranger.privateKey()));
        tokens.put("wrong issuer", JwtMinter.sign(wrongIssuer, TestTokens.keys().privateKey()));
        tokens.put("wrong audience", JwtMinter.sign(wrongAudience, TestTokens.keys().privateKey()));
        tokens.put("no audience", JwtMinter.sign(noAudience, TestTokens.keys().privateKey()));
        tokens.put("malformed", "not.a.jwt");
        tokens.put("garbage", "x");
        for (var t : tokens.entrySet()) {
            Api.as(t.getValue()).contentType(ContentType.JSON).body(body).post("/api/v1/kpi-reports")
                    .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"tic\"");
            Api.as(t.getValue()).contentType("text/csv").body(csv("cluster", clusterSlug, "1")).post("/api/v1/kpi-imports")
                    .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"tic\"");
            Api.as(t.getValue()).get("/api/v1/kpi-imports").then().statusCode(401);
            // a broken token is refused on public reads too, rather than silently read as no token
            for (String read : List.of("/api/v1/kpi-reports?clusterId=" + cluster, "/api/v1/initiative/summary",
                    "/api/v1/clusters/" + cluster + "/kpis", "/api/v1/kpi-imports/template")) {
                Api.as(t.getValue()).get(read).then().statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer realm=\"tic\"");
            }
        }
        // the same claims, properly signed, work
        Api.as(JwtMinter.sign(claims, TestTokens.keys().privateKey())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/kpi-reports").then().statusCode(201).body("recordedBy", equalTo("someone"));
    }

    @Test
    void writesRecordWhoMadeThemInTheEntityAndTheEvent() {
        try (EventProbe probe = new EventProbe("kpi.events")) {
            String id = Api.as(TestTokens.minter().secretariat("jane.secretariat")).contentType(ContentType.JSON)
                    .body(Fixtures.jobs(cluster, "900", "2025-01-22")).post("/api/v1/kpi-reports")
                    .then().statusCode(201).body("recordedBy", equalTo("jane.secretariat")).extract().path("id");
            Api.as(coordinatorOfThis()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                    .body(correction(Fixtures.jobs(cluster, "950", "2025-02-01")))
                    .post("/api/v1/kpi-reports/" + id + "/corrections").then().statusCode(201)
                    .body("recordedBy", equalTo(coordinatorSubject));
            List<ConsumerRecord<String, String>> events = probe.awaitKey(id, 2);
            assertEquals("jane.secretariat", EventProbe.header(events.get(0), "ce_actor"));
            assertEquals(coordinatorSubject, EventProbe.header(events.get(1), "ce_actor"));
            assertTrue(events.get(1).value().contains("\"recordedBy\":\"" + coordinatorSubject + "\""));
        }
        given().get("/api/v1/kpi-reports?clusterId=" + cluster + "&history=true&size=200").then()
                .body("items.recordedBy", not(hasItem((Object) null)));
    }
}
