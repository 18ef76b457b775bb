package org.tic.membership;

import org.tic.devinfra.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.tic.commons.security.VerifiedTokenParser;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
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
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write (and every private read) of membership-service × {anonymous, partner, coordinator of this cluster,
 * coordinator of another cluster, secretariat}, each cell asserted, with real signed tokens. Each cell gets a fresh
 * fixture, so one caller's success cannot change what the next one meets.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @Inject
    JWTParser parser;

    enum Who { ANONYMOUS, PARTNER, COORDINATOR_OF_THIS, COORDINATOR_OF_OTHER, SECRETARIAT }

    /** What a cell works on: the cluster it is about, an organization, and whatever else the action needs. */
    record Ctx(String cluster, String organization, Map<String, String> ids) {
    }

    record Row(String name, Supplier<Ctx> fixture, BiFunction<Ctx, RequestSpecification, Response> call, int[] expected) {
    }

    private static int[] expect(int anonymous, int partner, int coordinatorOfThis, int coordinatorOfOther, int secretariat) {
        return new int[]{anonymous, partner, coordinatorOfThis, coordinatorOfOther, secretariat};
    }

    private static String token(Who who, Ctx ctx) {
        return switch (who) {
            case ANONYMOUS -> null;
            case PARTNER -> TestTokens.partner(ctx.organization());
            case COORDINATOR_OF_THIS -> TestTokens.coordinator(ctx.cluster());
            case COORDINATOR_OF_OTHER -> TestTokens.coordinator(java.util.UUID.randomUUID());
            case SECRETARIAT -> TestTokens.secretariat();
        };
    }

    private static Ctx applicant() {
        return new Ctx(Api.cluster(Api.unique("Matrix")), Api.organization(Api.unique("Matrix Org"), "COMPANY"), new LinkedHashMap<>());
    }

    private static Ctx signatory() {
        return new Ctx(Api.signatory(Api.unique("Matrix"), 2024), Api.organization(Api.unique("Matrix Org"), "COMPANY"), new LinkedHashMap<>());
    }

    private static Ctx suspended() {
        Ctx c = signatory();
        Api.given().contentType(ContentType.JSON).body(Map.of("reason", "fixture")).post("/api/v1/clusters/" + c.cluster() + "/suspend").then().statusCode(200);
        return c;
    }

    private static Ctx withParty() {
        Ctx c = applicant();
        String party = Api.given().contentType(ContentType.JSON).body(Map.of("organizationId", c.organization(), "role", "MEMBER"))
                .post("/api/v1/clusters/" + c.cluster() + "/parties").then().statusCode(201).extract().path("id");
        c.ids().put("party", party);
        return c;
    }

    /** An application for the cluster, moved to the given state. */
    private static Supplier<Ctx> application(String state) {
        return () -> {
            Ctx c = applicant();
            List<String> orgs = List.of(c.organization(), Api.organization(Api.unique("B"), "COMPANY"), Api.organization(Api.unique("G"), "GOVERNMENT_BODY"));
            String app = Api.given().contentType(ContentType.JSON).body(Api.eligibleApplication(c.cluster(), orgs))
                    .post("/api/v1/applications").then().statusCode(201).extract().path("id");
            if (!state.equals("DRAFT")) {
                Api.given().post("/api/v1/applications/" + app + "/submit").then().statusCode(200);
            }
            if (state.equals("UNDER_REVIEW")) {
                Api.given().post("/api/v1/applications/" + app + "/review").then().statusCode(200);
            }
            c.ids().put("app", app);
            return c;
        };
    }

    private static Ctx policy() {
        Ctx c = applicant();
        String id = Api.given().contentType(ContentType.JSON).body(policyBody()).post("/api/v1/policy-adoptions").then().statusCode(201).extract().path("id");
        c.ids().put("policy", id);
        return c;
    }

    private static Map<String, Object> policyBody() {
        return Map.of("country", "MY", "title", "TIC national agenda", "kind", "NATIONAL_AGENDA", "adoptedOn", "2025-06-01");
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("POST /organizations", AuthorizationMatrixTest::applicant,
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("name", "New Co", "kind", "COMPANY")).post("/api/v1/organizations"),
                expect(401, 403, 201, 201, 201)));
        rows.add(new Row("PUT /organizations/{id} (partner = that organization)", AuthorizationMatrixTest::applicant,
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("name", "Renamed Co", "kind", "COMPANY")).put("/api/v1/organizations/" + c.organization()),
                expect(401, 200, 403, 403, 200)));
        rows.add(new Row("DELETE /organizations/{id}", AuthorizationMatrixTest::applicant,
                (c, r) -> r.delete("/api/v1/organizations/" + c.organization()),
                expect(401, 403, 403, 403, 204)));
        rows.add(new Row("POST /clusters", AuthorizationMatrixTest::applicant,
                (c, r) -> r.contentType(ContentType.JSON).body(Api.clusterBody(Api.unique("New"))).post("/api/v1/clusters"),
                expect(401, 403, 403, 403, 201)));
        rows.add(new Row("PUT /clusters/{id}", AuthorizationMatrixTest::applicant,
                (c, r) -> r.contentType(ContentType.JSON).body(Api.clusterBody("Edited")).put("/api/v1/clusters/" + c.cluster()),
                expect(401, 403, 200, 403, 200)));
        rows.add(new Row("POST /clusters/{id}/suspend", AuthorizationMatrixTest::signatory,
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("reason", "r")).post("/api/v1/clusters/" + c.cluster() + "/suspend"),
                expect(401, 403, 403, 403, 200)));
        rows.add(new Row("POST /clusters/{id}/reinstate", AuthorizationMatrixTest::suspended,
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("reason", "r")).post("/api/v1/clusters/" + c.cluster() + "/reinstate"),
                expect(401, 403, 403, 403, 200)));
        rows.add(new Row("POST /clusters/{id}/withdraw", AuthorizationMatrixTest::signatory,
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("reason", "r")).post("/api/v1/clusters/" + c.cluster() + "/withdraw"),
                expect(401, 403, 200, 403, 200)));
        rows.add(new Row("POST /clusters/{id}/existing-membership", AuthorizationMatrixTest::applicant,
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("joinedYear", 2023)).post("/api/v1/clusters/" + c.cluster() + "/existing-membership"),
                expect(401, 403, 403, 403, 200)));
        rows.add(new Row("POST /clusters/{id}/parties", AuthorizationMatrixTest::applicant,
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("organizationId", c.organization(), "role", "MEMBER")).post("/api/v1/clusters/" + c.cluster() + "/parties"),
                expect(401, 403, 201, 403, 201)));
        rows.add(new Row("DELETE /clusters/{id}/parties/{partyId}", AuthorizationMatrixTest::withParty,
                (c, r) -> r.delete("/api/v1/clusters/" + c.cluster() + "/parties/" + c.ids().get("party")),
                expect(401, 403, 204, 403, 204)));
        rows.add(new Row("POST /clusters/merges", AuthorizationMatrixTest::signatory,
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("predecessorIds", List.of(Api.signatory(Api.unique("M"), 2022)), "successorClusterId", c.cluster()))
                        .post("/api/v1/clusters/merges"),
                expect(401, 403, 403, 403, 201)));
        rows.add(new Row("POST /applications", AuthorizationMatrixTest::applicant,
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("clusterId", c.cluster())).post("/api/v1/applications"),
                expect(401, 403, 201, 403, 201)));
        rows.add(new Row("PUT /applications/{id}", application("DRAFT"),
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("clusterId", c.cluster())).put("/api/v1/applications/" + c.ids().get("app")),
                expect(401, 403, 200, 404, 200)));
        rows.add(new Row("POST /applications/{id}/submit", application("DRAFT"),
                (c, r) -> r.post("/api/v1/applications/" + c.ids().get("app") + "/submit"),
                expect(401, 403, 200, 404, 200)));
        rows.add(new Row("POST /applications/{id}/review", application("SUBMITTED"),
                (c, r) -> r.post("/api/v1/applications/" + c.ids().get("app") + "/review"),
                expect(401, 403, 403, 403, 200)));
        rows.add(new Row("POST /applications/{id}/approve", application("UNDER_REVIEW"),
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of()).post("/api/v1/applications/" + c.ids().get("app") + "/approve"),
                expect(401, 403, 403, 403, 200)));
        rows.add(new Row("POST /applications/{id}/reject", application("UNDER_REVIEW"),
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("reason", "no")).post("/api/v1/applications/" + c.ids().get("app") + "/reject"),
                expect(401, 403, 403, 403, 200)));
        rows.add(new Row("POST /applications/{id}/withdraw", application("SUBMITTED"),
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("reason", "no")).post("/api/v1/applications/" + c.ids().get("app") + "/withdraw"),
                expect(401, 403, 200, 404, 200)));
        rows.add(new Row("POST /policy-adoptions", AuthorizationMatrixTest::applicant,
                (c, r) -> r.contentType(ContentType.JSON).body(policyBody()).post("/api/v1/policy-adoptions"),
                expect(401, 403, 403, 403, 201)));
        rows.add(new Row("PUT /policy-adoptions/{id}", AuthorizationMatrixTest::policy,
                (c, r) -> r.contentType(ContentType.JSON).body(policyBody()).put("/api/v1/policy-adoptions/" + c.ids().get("policy")),
                expect(401, 403, 403, 403, 200)));
        // private reads
        rows.add(new Row("GET /applications/{id} (private)", application("DRAFT"),
                (c, r) -> r.get("/api/v1/applications/" + c.ids().get("app")),
                expect(401, 404, 200, 404, 200)));
        rows.add(new Row("GET /applications/{id}/eligibility (private)", application("DRAFT"),
                (c, r) -> r.get("/api/v1/applications/" + c.ids().get("app") + "/eligibility"),
                expect(401, 404, 200, 404, 200)));
        rows.add(new Row("GET /applications?clusterId= (private)", application("DRAFT"),
                (c, r) -> r.queryParam("clusterId", c.cluster()).get("/api/v1/applications"),
                expect(401, 403, 200, 403, 200)));
        // API clients: this matrix runs without an identity provider, so an allowed registration meets the 503 that
        // comes after the rights check (ApiClientResourceTest has the real Keycloak)
        rows.add(new Row("POST /organizations/{id}/api-clients (no identity provider)", AuthorizationMatrixTest::withParty,
                (c, r) -> r.contentType(ContentType.JSON).body(Map.of("name", "ERP")).post("/api/v1/organizations/" + c.organization() + "/api-clients"),
                expect(401, 403, 503, 403, 503)));
        rows.add(new Row("GET /organizations/{id}/api-clients (private)", AuthorizationMatrixTest::withParty,
                (c, r) -> r.get("/api/v1/organizations/" + c.organization() + "/api-clients"),
                expect(401, 403, 200, 403, 200)));
        // public reads
        rows.add(new Row("GET /clusters/{id} (public)", AuthorizationMatrixTest::applicant,
                (c, r) -> r.get("/api/v1/clusters/" + c.cluster()),
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
                int status = row.call().apply(ctx, Api.as(token(who, ctx))).then().extract().statusCode();
                int expected = row.expected()[who.ordinal()];
                cells++;
                if (status != expected) {
                    failures.add(row.name() + " as " + who + ": expected " + expected + ", got " + status);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cells + " cells wrong:\n" + String.join("\n", failures));
    }

    @Test
    void aCoordinatorCannotReachAnotherClusterThroughTheBody() {
        Ctx mine = applicant();
        String other = Api.cluster(Api.unique("Not mine"));
        // an application naming someone else's cluster in the body
        Api.as(TestTokens.coordinator(mine.cluster())).contentType(ContentType.JSON).body(Map.of("clusterId", other))
                .post("/api/v1/applications").then().statusCode(403).contentType("application/problem+json");
        Api.given().queryParam("clusterId", other).get("/api/v1/applications").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void badTokensAreRefusedWith401() throws Exception {
        var body = Api.clusterBody(Api.unique("Token probe"));
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
            Api.as(t.getValue()).contentType(ContentType.JSON).body(body).post("/api/v1/clusters")
                    .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"tic\"");
            // a broken token is never read as "no token", not even on a public read
            Api.as(t.getValue()).get("/api/v1/clusters").then().statusCode(401).contentType("application/problem+json");
        }
        // the same claims, properly signed, work — also the second time, from the verified-token cache
        String good = JwtMinter.sign(claims, TestTokens.keys().privateKey());
        Api.as(good).contentType(ContentType.JSON).body(body).post("/api/v1/clusters").then().statusCode(201);
        Api.as(good).get("/api/v1/clusters").then().statusCode(200);
        // and the broken ones are still refused after a good token was remembered
        for (var t : tokens.entrySet()) {
            Api.as(t.getValue()).get("/api/v1/clusters").then().statusCode(401);
        }
    }

    @Test
    void tokensGoThroughTheVerifiedTokenCache() {
        // the alternative must win over smallrye-jwt's own parser, or every request pays the signature check again
        org.junit.jupiter.api.Assertions.assertInstanceOf(VerifiedTokenParser.class, parser);
    }

    @Test
    void writesRecordWhoMadeThemInTheEvent() {
        try (EventProbe probe = new EventProbe("membership.events")) {
            String token = TestTokens.minter().secretariat("jane.secretariat");
            String id = Api.as(token).contentType(ContentType.JSON).body(Map.of("name", "Audited Co", "kind", "COMPANY"))
                    .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
            org.junit.jupiter.api.Assertions.assertEquals("jane.secretariat", EventProbe.header(probe.awaitKey(id, 1).get(0), "ce_actor"));
        }
    }
}
