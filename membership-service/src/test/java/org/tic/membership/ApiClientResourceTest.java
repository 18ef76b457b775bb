package org.tic.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.identity.KeycloakServer;
import org.tic.devinfra.testing.KeycloakTestResource;
import org.tic.devinfra.testing.TestTokens;
import org.tic.membership.domain.ApiClientNaming;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.membership.Api.as;
import static org.tic.membership.Api.given;

/**
 * Partner API clients against the real Keycloak (tic realm): registration gives a secret whose client-credentials
 * tokens carry org, clusters, role partner and audience tic-platform; rotation and revocation take effect at the
 * token endpoint. The service itself still trusts the test key pair for its callers (TestTokens).
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
class ApiClientResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    String org;
    String cluster;

    /** Each test: an organization that is a party of a cluster (made through the API once the app is up). */
    @BeforeEach
    void organizationInACluster() {
        org = Api.organization(Api.unique("Acme Steel"), "COMPANY");
        cluster = Api.cluster(Api.unique("Api Clients"));
        given().contentType(ContentType.JSON).body(Map.of("organizationId", org, "role", "MEMBER"))
                .post("/api/v1/clusters/" + cluster + "/parties").then().statusCode(201);
    }

    private static String clientsOf(String organization) {
        return "/api/v1/organizations/" + organization + "/api-clients";
    }

    private static ExtractableResponse<Response> register(String token, String organization) {
        return as(token).contentType(ContentType.JSON).body(Map.of("name", "ERP integration", "description", "nightly upload"))
                .post(clientsOf(organization)).then().extract();
    }

    @Test
    void secretariatRegistersAClientWhoseTokensCarryTheOrganization() throws IOException {
        var created = register(TestTokens.secretariat(), org);
        assertEquals(201, created.statusCode(), created.body().asString());
        String clientId = created.path("clientId");
        String secret = created.path("clientSecret");
        String id = created.path("id");
        assertTrue(clientId.startsWith("partner-acme-steel-"), clientId);
        assertFalse(secret == null || secret.isBlank());
        assertEquals(KeycloakServer.shared().tokenUrl(), created.path("tokenUrl"));
        assertEquals(org, created.path("organizationId"));
        assertEquals(List.of(cluster), created.path("clusters"));
        assertEquals("ACTIVE", created.path("status"));
        assertTrue(created.header("Cache-Control").contains("no-store"));
        assertTrue(created.header("Location").endsWith("/api/v1/api-clients/" + id));

        // The token: org, clusters (a JSON array), role partner in groups, audience tic-platform
        JsonNode claims = payload(KeycloakServer.shared().clientToken(clientId, secret));
        assertEquals(org, claims.path("org").asText());
        assertTrue(claims.path("org").isTextual());
        assertTrue(claims.path("clusters").isArray(), claims.toString());
        assertTrue(texts(claims.path("clusters")).contains(cluster), claims.toString());
        assertTrue(texts(claims.path("groups")).contains("partner"), claims.toString());
        assertTrue(texts(claims.path("aud")).contains("tic-platform"), claims.toString());
        assertEquals(clientId, claims.path("azp").asText());

        // What Keycloak holds: a confidential machine client, nothing else enabled
        JsonNode kc = keycloakClient(clientId);
        assertFalse(kc.path("publicClient").asBoolean());
        assertTrue(kc.path("serviceAccountsEnabled").asBoolean());
        assertFalse(kc.path("standardFlowEnabled").asBoolean());
        assertFalse(kc.path("directAccessGrantsEnabled").asBoolean());
        assertEquals(org, kc.path("attributes").path("tic.organization-id").asText());

        // Listed and readable without the secret
        given().get(clientsOf(org)).then().statusCode(200)
                .body("items.clientId", hasItem(clientId))
                .body("items.find { it.clientId == '" + clientId + "' }.clientSecret", nullValue())
                .body("items.find { it.clientId == '" + clientId + "' }.status", equalTo("ACTIVE"))
                .body("totalItems", notNullValue());
        given().get("/api/v1/api-clients/" + id).then().statusCode(200)
                .body("clientId", equalTo(clientId)).body("clientSecret", nullValue());
        given().get("/api/v1/api-clients/" + clientId).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void organizationInNoClusterGetsAnEmptyClustersClaim() throws IOException {
        String loner = Api.organization(Api.unique("Loner"), "NGO");
        var created = register(TestTokens.secretariat(), loner);
        assertEquals(201, created.statusCode(), created.body().asString());
        assertEquals(List.of(), created.path("clusters"));
        JsonNode claims = payload(KeycloakServer.shared().clientToken(created.path("clientId"), created.path("clientSecret")));
        assertTrue(claims.path("clusters").isArray() && claims.path("clusters").isEmpty(), claims.toString());
        assertEquals(loner, claims.path("org").asText());
    }

    @Test
    void onlyTheSecretariatAndTheOrganizationsCoordinators() {
        assertEquals(201, register(TestTokens.coordinator(cluster), org).statusCode(), "coordinator of the org's cluster");
        as(TestTokens.coordinator(cluster)).get(clientsOf(org)).then().statusCode(200);

        String otherCoordinator = TestTokens.coordinator(UUID.randomUUID());
        var refused = register(otherCoordinator, org);
        assertEquals(403, refused.statusCode());
        assertEquals(PROBLEM, refused.contentType());
        as(otherCoordinator).get(clientsOf(org)).then().statusCode(403).contentType(PROBLEM);

        assertEquals(403, register(TestTokens.partner(org), org).statusCode(), "a partner, even of this organization");
        as(TestTokens.partner(org)).get(clientsOf(org)).then().statusCode(403).contentType(PROBLEM);

        var anonymous = register(null, org);
        assertEquals(401, anonymous.statusCode());
        assertEquals(PROBLEM, anonymous.contentType());
        as(null).get(clientsOf(org)).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void rotationReplacesTheSecretAndRevocationEndsNewTokens() {
        var created = register(TestTokens.secretariat(), org);
        String clientId = created.path("clientId");
        String oldSecret = created.path("clientSecret");
        KeycloakServer.shared().clientToken(clientId, oldSecret);

        var rotated = given().post(clientsOf(org) + "/" + clientId + "/rotate-secret").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("clientId", equalTo(clientId)).body("secretRotatedAt", notNullValue()).extract();
        String newSecret = rotated.path("clientSecret");
        assertNotEquals(oldSecret, newSecret);
        assertRefused(clientId, oldSecret);
        KeycloakServer.shared().clientToken(clientId, newSecret);

        String id = created.path("id");
        given().delete(clientsOf(org) + "/" + id).then().statusCode(204);
        assertRefused(clientId, newSecret);
        assertEquals(0, keycloakClients(clientId).size(), "deleted in Keycloak");
        given().get("/api/v1/api-clients/" + id).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedAt", notNullValue()).body("revokedBy", not(emptyOrNullString()));
        given().get(clientsOf(org)).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.status", equalTo("REVOKED"));

        given().delete(clientsOf(org) + "/" + id).then().statusCode(204); // again: nothing changes
        given().post(clientsOf(org) + "/" + id + "/rotate-secret").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void unknownOrganizationsAndClientsAre404() {
        String nobody = UUID.randomUUID().toString();
        var r = register(TestTokens.secretariat(), nobody);
        assertEquals(404, r.statusCode());
        assertEquals(PROBLEM, r.contentType());
        given().get(clientsOf(nobody)).then().statusCode(404).contentType(PROBLEM);
        given().post(clientsOf(org) + "/" + UUID.randomUUID() + "/rotate-secret").then().statusCode(404).contentType(PROBLEM);
        given().delete(clientsOf(org) + "/partner-nobody-000000").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/api-clients/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);

        // A client is addressed through its own organization only
        String other = Api.organization(Api.unique("Other"), "COMPANY");
        String id = register(TestTokens.secretariat(), org).path("id");
        given().delete(clientsOf(other) + "/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badBodiesAre400() {
        given().contentType(ContentType.JSON).body(Map.of("description", "no name")).post(clientsOf(org))
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:tic:problem:validation-failed")).body("violations.field", hasItem("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", " ")).post(clientsOf(org))
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(201))).post(clientsOf(org))
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("name", "ok", "secret", "mine")).post(clientsOf(org))
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("secret"));
        given().contentType(ContentType.JSON).body("{").post(clientsOf(org)).then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).post(clientsOf(org)).then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("name", "ok")).post("/api/v1/organizations/not-a-uuid/api-clients")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void organizationWithAnActiveClientIsNotDeleted() {
        String o = Api.organization(Api.unique("Short Lived"), "COMPANY");
        String id = register(TestTokens.secretariat(), o).path("id");
        given().delete("/api/v1/organizations/" + o).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("API client"));
        given().delete(clientsOf(o) + "/" + id).then().statusCode(204);
        given().delete("/api/v1/organizations/" + o).then().statusCode(204);
        given().get("/api/v1/api-clients/" + id).then().statusCode(404);
    }

    @Test
    void aRowThatCannotBeWrittenLeavesNoClientInKeycloak() throws Exception {
        String o = Api.organization(Api.unique("Compensated"), "COMPANY");
        String prefix = ApiClientNaming.clientId(orgName(o), UUID.fromString(o), "000000").replace("000000", "");
        // the database refuses this one row (as it would a concurrent deletion of the organization)
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("create or replace function refuse_api_client() returns trigger language plpgsql as $$ begin "
                    + "if new.name = 'compensation-check' then raise exception 'refused' using errcode = '23514'; end if; "
                    + "return new; end $$");
            st.execute("create trigger refuse_api_client before insert on api_client for each row execute function refuse_api_client()");
        }
        try {
            var r = as(TestTokens.secretariat()).contentType(ContentType.JSON).body(Map.of("name", "compensation-check"))
                    .post(clientsOf(o)).then().extract();
            assertEquals(400, r.statusCode(), r.body().asString());
            assertEquals(PROBLEM, r.contentType());
        } finally {
            try (var c = dataSource.getConnection(); var st = c.createStatement()) {
                st.execute("drop trigger refuse_api_client on api_client");
                st.execute("drop function refuse_api_client()");
            }
        }
        assertEquals(0, keycloakClientsStartingWith(prefix), "the Keycloak client was deleted again");
        given().get(clientsOf(o)).then().statusCode(200).body("totalItems", equalTo(0));
        assertEquals(201, register(TestTokens.secretariat(), o).statusCode(), "and the next registration works");
        assertEquals(1, keycloakClientsStartingWith(prefix), "the search finds this organization's clients");
    }

    private static int keycloakClientsStartingWith(String prefix) throws IOException {
        HttpResponse<String> search = KeycloakServer.shared().adminCall("GET", "/admin/realms/" + KeycloakServer.REALM
                + "/clients?search=true&clientId=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8), null);
        assertEquals(200, search.statusCode(), search.body());
        return JSON.readTree(search.body()).size();
    }

    private static String orgName(String id) {
        return given().get("/api/v1/organizations/" + id).then().statusCode(200).extract().path("name");
    }

    private static void assertRefused(String clientId, String secret) {
        HttpResponse<String> r = KeycloakServer.shared().tokenResponse(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        assertTrue(r.statusCode() == 401 || r.statusCode() == 400, r.statusCode() + " " + r.body());
    }

    private static JsonNode keycloakClient(String clientId) throws IOException {
        List<JsonNode> found = keycloakClients(clientId);
        assertEquals(1, found.size());
        return found.get(0);
    }

    private static List<JsonNode> keycloakClients(String clientId) {
        HttpResponse<String> r = KeycloakServer.shared().adminCall("GET", "/admin/realms/" + KeycloakServer.REALM
                + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null);
        assertEquals(200, r.statusCode(), r.body());
        try {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(r.body()).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims, read without verifying (Keycloak just issued it to us). */
    private static JsonNode payload(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** A claim's strings, whether Keycloak wrote one value or an array. */
    private static List<String> texts(JsonNode claim) {
        List<String> out = new ArrayList<>();
        if (claim.isArray()) {
            claim.forEach(v -> out.add(v.asText()));
        } else if (!claim.isMissingNode() && !claim.isNull()) {
            out.add(claim.asText());
        }
        return out;
    }
}
