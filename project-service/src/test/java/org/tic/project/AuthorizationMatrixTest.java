package org.tic.project;

import org.tic.devinfra.testing.EventProbe;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
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
import java.util.function.Function;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write of project-service × {anonymous, partner, coordinator of this cluster, coordinator of another cluster,
 * secretariat}, each cell asserted, with real signed tokens; the public reads likewise; who sees the financial
 * fields; ids in path or body that point at someone else's cluster; bad tokens; the actor on the real broker.
 * <p>
 * "This cluster" is the project's lead cluster; "partner" is an organization that is one of the project's partners;
 * "another cluster" is a real signatory cluster that has nothing to do with the project. Each cell gets a fresh
 * project, so one caller's success cannot change what the next one meets.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Who { ANONYMOUS, PARTNER, COORDINATOR_OF_THIS, COORDINATOR_OF_OTHER, SECRETARIAT }

    @Inject
    ReadModelSupport readModel;

    /** The lead of the fixture projects, a participating cluster, an unrelated one, and two organizations. */
    private static UUID lead;
    private static UUID participating;
    private static UUID other;
    private static UUID partnerOrg;
    private static UUID strangerOrg;

    @BeforeEach
    void readModel() {
        if (lead == null) {
            lead = readModel.cluster("authz-lead-" + UUID.randomUUID(), "Authz Lead", "GB", "SIGNATORY");
            participating = readModel.cluster("authz-part-" + UUID.randomUUID(), "Authz Participant", "NL", "SIGNATORY");
            other = readModel.cluster("authz-other-" + UUID.randomUUID(), "Authz Other", "ES", "SIGNATORY");
            partnerOrg = readModel.organizationKnown("Authz Partner Org");
            strangerOrg = readModel.organizationKnown("Authz Stranger Org");
        }
    }

    /** A project as the secretariat registers it: lead, a participating cluster, a partner, and financial fields. */
    private static Map<String, Object> projectBody(String name, UUID leadCluster) {
        Map<String, Object> body = Fixtures.project(name, leadCluster, participating);
        body.put("capex", Map.of("amount", 1500000000, "currency", "EUR", "priceYear", 2025));
        body.put("funding", Map.of("securedAmount", 300000000, "currency", "EUR",
                "sources", List.of(Map.of("type", "GRANT", "provider", "Innovation Fund", "amount", 300000000, "currency", "EUR"))));
        body.put("businessModel", "Contract for difference on the hydrogen price");
        body.put("partners", List.of(Map.of("organizationId", partnerOrg.toString(), "role", "OPERATOR")));
        return body;
    }

    private static String newProject() {
        return Fixtures.create(projectBody("Authz " + UUID.randomUUID(), lead));
    }

    private static String token(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case PARTNER -> TestTokens.partner(partnerOrg);
            case COORDINATOR_OF_THIS -> TestTokens.coordinator(lead);
            case COORDINATOR_OF_OTHER -> TestTokens.coordinator(other);
            case SECRETARIAT -> TestTokens.secretariat();
        };
    }

    /** A row: what it does to a fresh project (null: no fixture) and the expected status per caller. */
    record Row(String name, boolean needsProject, BiFunction<String, RequestSpecification, Response> call, int[] expected) {
    }

    private static int[] expect(int anonymous, int partner, int coordinatorOfThis, int coordinatorOfOther, int secretariat) {
        return new int[]{anonymous, partner, coordinatorOfThis, coordinatorOfOther, secretariat};
    }

    private static List<Row> writes() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("POST /projects (lead = this cluster)", false,
                (id, r) -> r.contentType(ContentType.JSON).body(projectBody("Authz new " + UUID.randomUUID(), lead)).post("/api/v1/projects"),
                expect(401, 403, 201, 403, 201)));
        rows.add(new Row("PUT /projects/{id}", true,
                (id, r) -> r.contentType(ContentType.JSON).body(projectBody("Authz edited " + UUID.randomUUID(), lead)).put("/api/v1/projects/" + id),
                expect(401, 403, 200, 403, 200)));
        rows.add(new Row("PUT /projects/{id} handing the lead to another cluster", true,
                (id, r) -> r.contentType(ContentType.JSON).body(projectBody("Authz handed over " + UUID.randomUUID(), other)).put("/api/v1/projects/" + id),
                expect(401, 403, 403, 403, 200)));
        rows.add(new Row("POST /projects/{id}/stage-transitions", true,
                (id, r) -> r.contentType(ContentType.JSON).body(Map.of("to", "FEASIBILITY", "date", "2024-01-15"))
                        .post("/api/v1/projects/" + id + "/stage-transitions"),
                expect(401, 403, 201, 403, 201)));
        rows.add(new Row("PUT /projects/{id}/milestones/{type}", true,
                (id, r) -> r.contentType(ContentType.JSON).body(Map.of("plannedDate", "2030-06-30"))
                        .put("/api/v1/projects/" + id + "/milestones/FEED_COMPLETE"),
                expect(401, 200, 200, 403, 200)));
        rows.add(new Row("PUT /projects/{id}/readiness/{item}", true,
                (id, r) -> r.contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                        .put("/api/v1/projects/" + id + "/readiness/FEED_COMPLETE"),
                expect(401, 403, 200, 403, 200)));
        return rows;
    }

    private static List<Row> reads() {
        int[] public200 = expect(200, 200, 200, 200, 200);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("GET /projects", false, (id, r) -> r.queryParam("cluster", lead).get("/api/v1/projects"), public200));
        rows.add(new Row("GET /projects/export.csv", false, (id, r) -> r.queryParam("cluster", lead).get("/api/v1/projects/export.csv"), public200));
        rows.add(new Row("GET /projects/{id}", true, (id, r) -> r.get("/api/v1/projects/" + id), public200));
        rows.add(new Row("GET /projects/{id}/stage-history", true, (id, r) -> r.get("/api/v1/projects/" + id + "/stage-history"), public200));
        rows.add(new Row("GET /projects/{id}/milestones", true, (id, r) -> r.get("/api/v1/projects/" + id + "/milestones"), public200));
        rows.add(new Row("GET /projects/{id}/readiness", true, (id, r) -> r.get("/api/v1/projects/" + id + "/readiness"), public200));
        rows.add(new Row("GET /corridors", false, (id, r) -> r.queryParam("cluster", lead).get("/api/v1/corridors"), public200));
        rows.add(new Row("GET /stages", false, (id, r) -> r.get("/api/v1/stages"), public200));
        rows.add(new Row("GET /clusters", false, (id, r) -> r.get("/api/v1/clusters"), public200));
        rows.add(new Row("GET /clusters/{id}", false, (id, r) -> r.get("/api/v1/clusters/" + lead), public200));
        return rows;
    }

    @Test
    void everyCellOfTheMatrix() {
        List<Row> rows = new ArrayList<>(writes());
        rows.addAll(reads());
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Row row : rows) {
            for (Who who : Who.values()) {
                String id = row.needsProject() ? newProject() : null;
                Response response = row.call().apply(id, Api.as(token(who)));
                int status = response.statusCode();
                int expected = row.expected()[who.ordinal()];
                cells++;
                String cell = row.name() + " as " + who;
                if (status != expected) {
                    failures.add(cell + ": expected " + expected + ", got " + status + " " + response.asString());
                    continue;
                }
                if (status == 401 && (!String.valueOf(response.contentType()).startsWith("application/problem+json")
                        || response.header("WWW-Authenticate") == null)) {
                    failures.add(cell + ": a 401 is problem+json with WWW-Authenticate");
                }
                if (status == 403 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                    failures.add(cell + ": a 403 is problem+json");
                }
                if (status >= 400 && id != null) {
                    int version = Api.given().get("/api/v1/projects/" + id).then().extract().path("version");
                    if (version != 0) {
                        failures.add(cell + ": refused, yet the project changed (version " + version + ")");
                    }
                }
            }
        }
        assertEquals(80, cells);
        assertTrue(failures.isEmpty(), failures.size() + " of " + cells + " cells wrong:\n" + String.join("\n", failures));
    }

    @Test
    void aPartnerOfAnotherOrganizationAndACoordinatorOfAParticipatingClusterMayNotWrite() {
        String id = newProject();
        String stranger = TestTokens.partner(strangerOrg);
        Api.as(stranger).contentType(ContentType.JSON).body(Map.of("plannedDate", "2030-06-30"))
                .put("/api/v1/projects/" + id + "/milestones/FEED_COMPLETE").then().statusCode(403)
                .contentType("application/problem+json");
        String participant = TestTokens.coordinator(participating);
        Api.as(participant).contentType(ContentType.JSON).body(projectBody("Authz participant edit", lead))
                .put("/api/v1/projects/" + id).then().statusCode(403);
        Api.as(participant).contentType(ContentType.JSON).body(Map.of("to", "FEASIBILITY", "date", "2024-01-15"))
                .post("/api/v1/projects/" + id + "/stage-transitions").then().statusCode(403);
        Api.as(participant).contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                .put("/api/v1/projects/" + id + "/readiness/FEED_COMPLETE").then().statusCode(403);
        Api.as(participant).contentType(ContentType.JSON).body(Map.of("plannedDate", "2030-06-30"))
                .put("/api/v1/projects/" + id + "/milestones/FEED_COMPLETE").then().statusCode(403);
        // a coordinator token carrying no clusters, or a malformed cluster id, grants nothing
        Api.as(TestTokens.minter().mint("empty-coordinator", List.of("cluster-coordinator"), List.of(), null, Duration.ofHours(1)))
                .contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                .put("/api/v1/projects/" + id + "/readiness/FEED_COMPLETE").then().statusCode(403);
        Api.as(TestTokens.minter().mint("bad-coordinator", List.of("cluster-coordinator"), List.of("not-a-uuid"), null, Duration.ofHours(1)))
                .contentType(ContentType.JSON).body(projectBody("Authz bad claim " + UUID.randomUUID(), lead))
                .post("/api/v1/projects").then().statusCode(403);
        Api.given().get("/api/v1/projects/" + id).then().body("version", equalTo(0));
    }

    @Test
    void aCoordinatorCannotReachAnotherClustersProjectThroughThePathOrTheBody() {
        String theirs = newProject(); // led by "lead"
        String mine = TestTokens.coordinator(other);
        // the body names my cluster as lead, the path someone else's project
        Api.as(mine).contentType(ContentType.JSON).body(projectBody("Hijack " + UUID.randomUUID(), other))
                .put("/api/v1/projects/" + theirs).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:forbidden"));
        // registering a project for someone else's cluster, with mine only participating
        Map<String, Object> forThem = Fixtures.project("For them " + UUID.randomUUID(), lead, other);
        Api.as(mine).contentType(ContentType.JSON).body(forThem).post("/api/v1/projects").then().statusCode(403);
        Api.given().queryParam("q", forThem.get("name")).get("/api/v1/projects").then().body("totalItems", equalTo(0));
        // a coordinator of both may hand the lead over
        Api.as(TestTokens.coordinator(lead, other)).contentType(ContentType.JSON).body(projectBody("Handed over " + UUID.randomUUID(), other))
                .put("/api/v1/projects/" + theirs).then().statusCode(200).body("leadClusterId", equalTo(other.toString()));
        // ... after which the old lead's coordinator no longer may change it
        Api.as(TestTokens.coordinator(lead)).contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                .put("/api/v1/projects/" + theirs + "/readiness/FEED_COMPLETE").then().statusCode(403);
        Api.as(mine).contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                .put("/api/v1/projects/" + theirs + "/readiness/FEED_COMPLETE").then().statusCode(200);
    }

    @Test
    void financialFieldsOnlyForTheSecretariatTheProjectsCoordinatorsAndPartners() {
        String tag = "Fin" + UUID.randomUUID().toString().substring(0, 8);
        String id = Fixtures.create(projectBody(tag + " project", lead));
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("partner of the project", TestTokens.partner(partnerOrg));
        callers.put("partner of another organization", TestTokens.partner(strangerOrg));
        callers.put("coordinator of the lead", TestTokens.coordinator(lead));
        callers.put("coordinator of a participating cluster", TestTokens.coordinator(participating));
        callers.put("coordinator of another cluster", TestTokens.coordinator(other));
        callers.put("secretariat", TestTokens.secretariat());
        Map<String, Boolean> sees = Map.of("anonymous", false, "partner of the project", true,
                "partner of another organization", false, "coordinator of the lead", true,
                "coordinator of a participating cluster", true, "coordinator of another cluster", false, "secretariat", true);

        List<String> failures = new ArrayList<>();
        for (var c : callers.entrySet()) {
            boolean visible = sees.get(c.getKey());
            var one = Api.as(c.getValue()).get("/api/v1/projects/" + id).then().statusCode(200).extract();
            var listed = Api.as(c.getValue()).queryParam("q", tag).get("/api/v1/projects").then().statusCode(200).extract();
            String csv = Api.as(c.getValue()).queryParam("q", tag).get("/api/v1/projects/export.csv").then().statusCode(200).extract().asString();
            String[] row = csv.split("\r\n")[1].split(",", -1);
            List<Object> seen = List.of(
                    str(one.path("capex.amount")), str(one.path("funding.securedAmount")),
                    str(one.path("funding.sources[0].provider")), str(one.path("businessModel")),
                    str(listed.path("items[0].capex.currency")), str(listed.path("items[0].funding.currency")),
                    str(listed.path("items[0].businessModel")),
                    row[23], row[24], row[25], row[26]);
            List<Object> expected = visible
                    ? List.of("1500000000", "300000000", "Innovation Fund", "Contract for difference on the hydrogen price",
                    "EUR", "EUR", "Contract for difference on the hydrogen price",
                    "1500000000", "EUR", "2025", "Contract for difference on the hydrogen price")
                    : List.of("null", "null", "null", "null", "null", "null", "null", "", "", "", "");
            if (!expected.equals(seen)) {
                failures.add(c.getKey() + ": expected " + expected + ", saw " + seen);
            }
            // what is not financial stays public
            if (!"Authz Partner Org".equals(one.path("partners[0].name")) || one.path("leadCluster.name") == null) {
                failures.add(c.getKey() + ": the public fields are missing");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // the answer depends on the token, so caches keep one copy per caller
        Api.anonymous().get("/api/v1/projects/" + id).then().header("Vary", containsString("Authorization"));
        Api.anonymous().queryParam("q", tag).get("/api/v1/projects").then().header("Vary", containsString("Authorization"));
        org.hamcrest.MatcherAssert.assertThat(Api.anonymous().queryParam("q", tag).get("/api/v1/projects/export.csv").asString(),
                containsString("capex_amount,capex_currency,capex_price_year,business_model"));
    }

    /** String.valueOf would pick its char[] overload for a null from a generic path(). */
    private static String str(Object value) {
        return String.valueOf(value);
    }

    @Test
    void aCoordinatorOfTheSuccessorActsForProjectsThatStillNameAMergedLead() {
        UUID predecessor = readModel.cluster("authz-merge-" + UUID.randomUUID(), "Authz Merged", "CO", "SIGNATORY");
        String id = Fixtures.create(projectBody("Authz merged lead " + UUID.randomUUID(), predecessor));

        UUID successor = UUID.randomUUID();
        ObjectNode old = MembershipEvents.cluster(predecessor, "authz-merge-old-" + predecessor, "Authz Merged", "CO", "MERGED", 2);
        old.put("successorId", successor.toString());
        ObjectNode data = MembershipEvents.JSON.createObjectNode();
        data.put("mergeId", UUID.randomUUID().toString());
        data.set("successor", MembershipEvents.cluster(successor, "authz-joint-" + successor, "Authz Joint", "CO", "SIGNATORY", 1));
        data.putArray("predecessors").add(old);
        data.put("effectiveDate", "2025-10-30");
        data.put("reason", "merged");
        readModel.awaitProcessed(MembershipEvents.publish("tic.membership.clusters.merged.v1", successor, data));

        String successorCoordinator = TestTokens.coordinator(successor);
        Api.as(successorCoordinator).get("/api/v1/projects/" + id).then().statusCode(200).body("capex", notNullValue());
        Api.as(successorCoordinator).contentType(ContentType.JSON).body(Map.of("to", "FEASIBILITY", "date", "2024-01-15"))
                .post("/api/v1/projects/" + id + "/stage-transitions").then().statusCode(201);
        // and may move the lead to the successor itself
        Api.as(successorCoordinator).contentType(ContentType.JSON).body(projectBody("Authz merged lead moved " + UUID.randomUUID(), successor))
                .put("/api/v1/projects/" + id).then().statusCode(200).body("leadClusterId", equalTo(successor.toString()));
        Api.as(TestTokens.coordinator(other)).get("/api/v1/projects/" + id).then().statusCode(200).body("capex", nullValue());
    }

    @Test
    void badTokensAreRefusedWith401() throws Exception {
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

        String id = newProject();
        List<Function<RequestSpecification, Response>> calls = List.of(
                r -> r.contentType(ContentType.JSON).body(projectBody("Token probe " + UUID.randomUUID(), lead)).post("/api/v1/projects"),
                r -> r.contentType(ContentType.JSON).body(projectBody("Token probe " + UUID.randomUUID(), lead)).put("/api/v1/projects/" + id),
                r -> r.contentType(ContentType.JSON).body(Map.of("to", "FEASIBILITY", "date", "2024-01-15")).post("/api/v1/projects/" + id + "/stage-transitions"),
                r -> r.contentType(ContentType.JSON).body(Map.of("plannedDate", "2030-06-30")).put("/api/v1/projects/" + id + "/milestones/FEED_COMPLETE"),
                r -> r.contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS")).put("/api/v1/projects/" + id + "/readiness/FEED_COMPLETE"),
                // a broken token is refused on public reads too, rather than silently read as anonymous
                r -> r.get("/api/v1/projects/" + id));
        List<String> failures = new ArrayList<>();
        for (var t : tokens.entrySet()) {
            for (int i = 0; i < calls.size(); i++) {
                Response response = calls.get(i).apply(Api.as(t.getValue()));
                if (response.statusCode() != 401 || !String.valueOf(response.contentType()).startsWith("application/problem+json")
                        || !"Bearer realm=\"tic\"".equals(response.header("WWW-Authenticate"))) {
                    failures.add(t.getKey() + " token, call " + i + ": " + response.statusCode() + " " + response.contentType()
                            + " " + response.header("WWW-Authenticate"));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        Api.given().get("/api/v1/projects/" + id).then().body("version", equalTo(0));
        // the same claims, properly signed, work
        Api.as(JwtMinter.sign(claims, TestTokens.keys().privateKey())).contentType(ContentType.JSON)
                .body(projectBody("Token probe ok " + UUID.randomUUID(), lead)).post("/api/v1/projects").then().statusCode(201);
    }

    @Test
    void writesRecordWhoMadeThemInTheEntityAndAsCeActorOnTheBroker() {
        String coordinator = TestTokens.minter().coordinator("jane.coordinator", List.of(lead.toString()));
        String partner = TestTokens.minter().partner("pat.partner", partnerOrg.toString());
        String secretariat = TestTokens.minter().secretariat("sam.secretariat");
        try (EventProbe probe = new EventProbe("project.events")) {
            String id = Api.as(coordinator).contentType(ContentType.JSON).body(projectBody("Audited " + UUID.randomUUID(), lead))
                    .post("/api/v1/projects").then().statusCode(201)
                    .body("createdBy", equalTo("jane.coordinator")).body("updatedBy", equalTo("jane.coordinator"))
                    .extract().path("id");
            Api.as(partner).contentType(ContentType.JSON).body(Map.of("plannedDate", "2030-06-30"))
                    .put("/api/v1/projects/" + id + "/milestones/FEED_COMPLETE").then().statusCode(200)
                    .body("updatedBy", equalTo("pat.partner"));
            Api.as(coordinator).contentType(ContentType.JSON).body(Map.of("status", "IN_PROGRESS"))
                    .put("/api/v1/projects/" + id + "/readiness/FEED_COMPLETE").then().statusCode(200)
                    .body("items.find { it.item == 'FEED_COMPLETE' }.updatedBy", equalTo("jane.coordinator"));
            Api.as(secretariat).contentType(ContentType.JSON).body(Map.of("to", "FEASIBILITY", "date", "2024-01-15"))
                    .post("/api/v1/projects/" + id + "/stage-transitions").then().statusCode(201)
                    .body("recordedBy", equalTo("sam.secretariat"));
            Api.as(secretariat).contentType(ContentType.JSON).body(projectBody("Audited renamed " + UUID.randomUUID(), lead))
                    .put("/api/v1/projects/" + id).then().statusCode(200)
                    .body("createdBy", equalTo("jane.coordinator")).body("updatedBy", equalTo("sam.secretariat"));
            Api.anonymous().get("/api/v1/projects/" + id + "/stage-history").then()
                    .body("items.recordedBy", org.hamcrest.Matchers.contains("jane.coordinator", "sam.secretariat"));

            List<ConsumerRecord<String, String>> records = probe.awaitKey(id, 5);
            assertEquals(List.of(
                    "tic.project.project.created.v1 by jane.coordinator",
                    "tic.project.project.milestone-updated.v1 by pat.partner",
                    "tic.project.project.readiness-changed.v1 by jane.coordinator",
                    "tic.project.project.stage-changed.v1 by sam.secretariat",
                    "tic.project.project.updated.v1 by sam.secretariat"),
                    records.stream().map(r -> EventProbe.header(r, "ce_type") + " by " + EventProbe.header(r, "ce_actor")).toList());
        }
    }

    @Test
    void browsersFromOriginsOutsideTheAllowListGetNoCorsGrant() {
        Api.anonymous().header("Origin", "http://localhost:8083").header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/projects").then().header("Access-Control-Allow-Origin", equalTo("http://localhost:8083"));
        Api.anonymous().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/projects").then().header("Access-Control-Allow-Origin", nullValue());
    }
}
