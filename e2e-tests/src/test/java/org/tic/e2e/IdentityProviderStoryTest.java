package org.tic.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.client.membership.ApiException;
import org.tic.client.membership.api.ApiClientsApi;
import org.tic.client.membership.api.ClustersApi;
import org.tic.client.membership.api.OrganizationsApi;
import org.tic.client.membership.api.PartiesApi;
import org.tic.client.membership.model.ApiClientRequest;
import org.tic.client.membership.model.ApiClientStatus;
import org.tic.client.membership.model.ClusterRequest;
import org.tic.client.membership.model.ClusterType;
import org.tic.client.membership.model.ModelApiClient;
import org.tic.client.membership.model.OrganizationKind;
import org.tic.client.membership.model.OrganizationRequest;
import org.tic.client.membership.model.PartyRequest;
import org.tic.client.membership.model.PartyRole;
import org.tic.client.membership.model.WorldRegion;
import org.tic.devinfra.ApiClient;
import org.tic.devinfra.GeneratedClients;
import org.tic.devinfra.JwtMinter;
import org.tic.devinfra.KeycloakServer;
import org.tic.devinfra.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform with Keycloak as its identity provider: the authorization rules of the three services hold for tokens
 * Keycloak issued (users with the realm's roles and {@code clusters}/{@code org} attributes), the services follow a
 * signing-key rotation without a restart, and tokens Keycloak did not sign are refused.
 */
@ExtendWith(PlatformExtension.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityProviderStoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Supplier<String> SECRETARIAT = PlatformExtension.secretariat();

    enum Who { ANONYMOUS, PARTNER, COORDINATOR_OF_THIS, COORDINATOR_OF_OTHER, SECRETARIAT }

    record Fixture(String cluster, String otherCluster, String organization) {
    }

    record Row(String name, String service, BiFunction<Fixture, ApiClient, ApiClient.Reply> call, int[] expected) {
    }

    private static int[] expect(int anonymous, int partner, int coordinatorOfThis, int coordinatorOfOther, int secretariat) {
        return new int[]{anonymous, partner, coordinatorOfThis, coordinatorOfOther, secretariat};
    }

    private static ApiClient as(String service, Supplier<String> tokens) {
        return PlatformExtension.client(service, tokens);
    }

    private static Supplier<String> tokens(Who who, Fixture f) {
        KeycloakServer keycloak = PlatformExtension.keycloak();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return switch (who) {
            case ANONYMOUS -> () -> null;
            case PARTNER -> keycloak.tokens("e2e-partner-" + suffix, "partner", Map.of("org", List.of(f.organization())));
            case COORDINATOR_OF_THIS -> keycloak.tokens("e2e-coordinator-" + suffix, "cluster-coordinator",
                    Map.of("clusters", List.of(f.cluster())));
            case COORDINATOR_OF_OTHER -> keycloak.tokens("e2e-other-coordinator-" + suffix, "cluster-coordinator",
                    Map.of("clusters", List.of(f.otherCluster())));
            case SECRETARIAT -> SECRETARIAT;
        };
    }

    private static Map<String, Object> clusterBody(String name) {
        return Map.of("name", name, "country", "NL", "worldRegion", "EUROPE", "type", "PORT", "sectors", List.of("hydrogen"));
    }

    /** Two clusters and an organization, created by the secretariat and known to project- and kpi-service. */
    private static Fixture fixture() {
        ApiClient membership = as("membership-service", SECRETARIAT);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String cluster = membership.post("/api/v1/clusters", clusterBody("IdP matrix " + tag)).ok().path("id").asText();
        String other = membership.post("/api/v1/clusters", clusterBody("IdP matrix other " + tag)).ok().path("id").asText();
        String org = membership.post("/api/v1/organizations", Map.of("name", "IdP matrix Co " + tag, "kind", "COMPANY"))
                .ok().path("id").asText();
        membership.post("/api/v1/clusters/" + cluster + "/existing-membership", Map.of("joinedYear", 2023)).ok(); // may lead projects
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "SIGNATORY".equals(as("project-service", SECRETARIAT).get("/api/v1/clusters/" + cluster).body().path("status").asText())
                        && as("kpi-service", SECRETARIAT).get("/api/v1/clusters/" + cluster + "/kpis").status() == 200);
        return new Fixture(cluster, other, org);
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("membership POST /organizations", "membership-service",
                (f, c) -> c.post("/api/v1/organizations", Map.of("name", "IdP new Co " + UUID.randomUUID(), "kind", "COMPANY")),
                expect(401, 403, 201, 201, 201)));
        rows.add(new Row("membership PUT /organizations/{id} (partner = that organization)", "membership-service",
                (f, c) -> c.put("/api/v1/organizations/" + f.organization(), Map.of("name", "IdP renamed Co " + UUID.randomUUID(),
                        "kind", "COMPANY"), null),
                expect(401, 200, 403, 403, 200)));
        rows.add(new Row("membership POST /clusters", "membership-service",
                (f, c) -> c.post("/api/v1/clusters", clusterBody("IdP new " + UUID.randomUUID())),
                expect(401, 403, 403, 403, 201)));
        rows.add(new Row("membership PUT /clusters/{id}", "membership-service",
                (f, c) -> c.put("/api/v1/clusters/" + f.cluster(), clusterBody("IdP edited " + UUID.randomUUID()), null),
                expect(401, 403, 200, 403, 200)));
        rows.add(new Row("project POST /projects (lead = this cluster)", "project-service",
                (f, c) -> c.post("/api/v1/projects", Map.of("name", "IdP project " + UUID.randomUUID(), "category",
                        "CO2_TRANSPORT_STORAGE", "leadClusterId", f.cluster(), "participatingClusterIds", List.of())),
                expect(401, 403, 201, 403, 201)));
        rows.add(new Row("kpi POST /kpi-reports (this cluster)", "kpi-service",
                (f, c) -> c.post("/api/v1/kpi-reports", jobs(f.cluster())),
                expect(401, 403, 201, 403, 201)));
        return rows;
    }

    private static Map<String, Object> jobs(String clusterId) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("clusterId", clusterId);
        r.put("metric", "JOBS");
        r.put("jobs", Map.of("kind", "CREATED", "effect", "DIRECT", "phase", "OPERATION"));
        r.put("value", "12");
        r.put("unit", "HEADCOUNT");
        r.put("periodStart", "2024-01-01");
        r.put("periodEnd", "2024-12-31");
        r.put("reportedOn", "2025-01-22");
        r.put("source", Map.of("document", "Annual report 2024"));
        r.put("reportedBy", "Cluster coordinator");
        r.put("confidence", "ESTIMATED");
        return r;
    }

    @Test
    @Order(2)
    void theAuthorizationRulesHoldForKeycloakIssuedTokens() {
        Fixture f = fixture();
        Map<Who, Supplier<String>> callers = new LinkedHashMap<>();
        for (Who who : Who.values()) {
            callers.put(who, tokens(who, f));
        }
        List<String> failures = new ArrayList<>();
        for (Row row : rows()) {
            for (Who who : Who.values()) {
                ApiClient.Reply reply = row.call().apply(f, as(row.service(), callers.get(who)));
                int expected = row.expected()[who.ordinal()];
                if (reply.status() != expected) {
                    failures.add(row.name() + " as " + who + ": expected " + expected + ", got " + reply.status() + " " + reply.body());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    @Order(1) // first: a token without a known kid (below) spends the services' once-a-minute key-set refresh
    void theServicesFollowASigningKeyRotationWithoutARestart() {
        KeycloakServer keycloak = PlatformExtension.keycloak();
        String before = keycloak.passwordToken("secretariat", "secretariat");
        for (String service : List.of("membership-service", "project-service", "kpi-service", "delivery-service")) {
            assertEquals(200, PlatformExtension.client(service, before).get(probe(service)).status(), service);
        }
        keycloak.rotateSigningKey();
        String after = keycloak.passwordToken("secretariat", "secretariat");
        assertNotEquals(kid(before), kid(after), "the new key signs");
        // kid-miss refreshes of the key set are at most once a minute per service; the first is immediate
        for (String service : List.of("membership-service", "project-service", "kpi-service", "delivery-service")) {
            await().atMost(Duration.ofSeconds(90)).until(() -> PlatformExtension.client(service, after).get(probe(service)).status() == 200);
            // a token of the previous key still verifies until it expires: the key stays published
            assertEquals(200, PlatformExtension.client(service, before).get(probe(service)).status(), service);
        }
    }

    @Test
    @Order(3)
    void tokensKeycloakDidNotSignAreRefused() {
        KeycloakServer keycloak = PlatformExtension.keycloak();
        String real = keycloak.passwordToken("secretariat", "secretariat");
        // the same claims signed by another key (the local test minter's)
        Map<String, Object> claims = payload(real);
        String foreign = JwtMinter.sign(claims, TestTokens.keys().privateKey());
        String[] parts = real.split("\\.");
        Map<String, Object> raised = new LinkedHashMap<>(claims);
        raised.put("preferred_username", "someone-else");
        String tampered = parts[0] + "." + b64(raised) + "." + parts[2];
        String algNone = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        Map<String, Object> foreignAudience = new LinkedHashMap<>(claims);
        foreignAudience.put("aud", "account");
        String otherAudience = JwtMinter.sign(foreignAudience, TestTokens.keys().privateKey());
        for (String token : List.of(foreign, tampered, algNone, otherAudience)) {
            ApiClient membership = PlatformExtension.client("membership-service", token);
            assertEquals(401, membership.post("/api/v1/clusters", clusterBody("Refused " + UUID.randomUUID())).status());
            assertEquals(401, membership.get("/api/v1/clusters").status(), "a broken token is never read as anonymous");
        }
        assertEquals(200, PlatformExtension.client("membership-service", real).get("/api/v1/clusters").status());
    }

    @Test
    @Order(4)
    void aPersonLogsInThroughTheWebClientWithAuthorizationCodeAndPkce() throws Exception {
        KeycloakServer keycloak = PlatformExtension.keycloak();
        String redirect = "http://localhost:8083/q/swagger-ui/oauth2-redirect.html";
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().repeat(2)
                .getBytes(StandardCharsets.US_ASCII));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        // cookies carried by hand: Keycloak marks its login cookies Secure, which the JDK's CookieManager keeps off http
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String auth = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=tic-web&response_type=code&scope=openid"
                + "&state=s1&redirect_uri=" + enc(redirect) + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        // without the PKCE challenge the public client is refused
        var noPkce = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(auth.replaceAll("&code_challenge.*", "")))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(noPkce.statusCode() == 400 || String.valueOf(noPkce.headers().firstValue("Location").orElse("")).contains("error="),
                "no PKCE: " + noPkce.statusCode());

        var page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(auth)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "the login page");
        var action = java.util.regex.Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
        assertTrue(action.find(), "a login form");
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        var login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=coordinator&password=coordinator&credentialId="))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), "logged in: redirected back to the web client; "
                + login.body().replaceAll("(?s)<head>.*</head>", "").replaceAll("\\s+", " "));
        String location = login.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirect), location);
        String code = java.util.regex.Pattern.compile("[?&]code=([^&]+)").matcher(location).results().findFirst().orElseThrow().group(1);

        var tokens = keycloak.tokenResponse(Map.of("grant_type", "authorization_code", "client_id", "tic-web", "code", code,
                "redirect_uri", redirect, "code_verifier", verifier));
        assertEquals(200, tokens.statusCode(), tokens.body());
        String access = JSON.readTree(tokens.body()).path("access_token").asText();
        JsonNode claims = claims(access);
        assertTrue(claims.path("groups").toString().contains("cluster-coordinator"), claims.toString());
        assertTrue(claims.path("aud").toString().contains("tic-platform"), claims.toString());
        assertEquals(200, PlatformExtension.client("membership-service", access).get("/api/v1/clusters?size=1").status());
    }

    /** Through the client generated from membership-service's contract (api-client), as a partner's code would. */
    @Test
    @Order(5)
    void aPartnerGetsAMachineClientATokenAndCallsTheApi() throws Exception {
        KeycloakServer keycloak = PlatformExtension.keycloak();
        Fixture f = fixture();
        String membershipUrl = PlatformExtension.platform().service("membership-service").baseUrl();
        UUID org = UUID.fromString(f.organization());
        new PartiesApi(GeneratedClients.membership(membershipUrl, SECRETARIAT))
                .addClusterParty(UUID.fromString(f.cluster()), new PartyRequest().organizationId(org).role(PartyRole.MEMBER));
        OrganizationsApi asSecretariat = new OrganizationsApi(GeneratedClients.membership(membershipUrl, SECRETARIAT));
        UUID otherOrg = asSecretariat.createOrganization(new OrganizationRequest().name("IdP other Co " + UUID.randomUUID())
                .kind(OrganizationKind.COMPANY)).getId();

        // who may register one
        ApiClientRequest request = new ApiClientRequest().name("ERP integration").description("Nightly KPI sync");
        assertEquals(403, status(() -> clients(membershipUrl, tokens(Who.COORDINATOR_OF_OTHER, f)).registerApiClient(org, request)));
        assertEquals(403, status(() -> clients(membershipUrl, tokens(Who.PARTNER, f)).registerApiClient(org, request)));
        assertEquals(401, status(() -> clients(membershipUrl, () -> null).registerApiClient(org, request)));
        assertEquals(201, status(() -> clients(membershipUrl, tokens(Who.COORDINATOR_OF_THIS, f)).registerApiClient(org, request)));
        ApiClientsApi secretariat = clients(membershipUrl, SECRETARIAT);
        ModelApiClient created = secretariat.registerApiClient(org, request);
        String clientId = created.getClientId();
        String secret = created.getClientSecret();
        assertTrue(secret != null && !secret.isBlank(), created.toString());
        List<ModelApiClient> listed = secretariat.listApiClients(org, null, null, null).getItems();
        assertTrue(listed.stream().anyMatch(c -> clientId.equals(c.getClientId()) && c.getClientSecret() == null),
                "listed, without its secret");

        // the client-credentials token carries the organization and its clusters
        String token = keycloak.clientToken(clientId, secret);
        JsonNode claims = claims(token);
        assertEquals(f.organization(), claims.path("org").asText(), claims.toString());
        assertTrue(claims.path("clusters").toString().contains(f.cluster()), claims.toString());
        assertTrue(claims.path("groups").toString().contains("partner"), claims.toString());
        assertTrue(claims.path("aud").toString().contains("tic-platform"), claims.toString());

        // a write it is allowed (its own organization) and ones it is not
        var partner = GeneratedClients.membership(membershipUrl, () -> token);
        OrganizationsApi organizations = new OrganizationsApi(partner);
        assertEquals(org, organizations.updateOrganization(org, new OrganizationRequest().name("IdP partner renamed "
                + UUID.randomUUID()).kind(OrganizationKind.COMPANY), null).getId());
        assertEquals(403, status(() -> organizations.updateOrganization(otherOrg, new OrganizationRequest().name("Not mine")
                .kind(OrganizationKind.COMPANY), null)));
        assertEquals(403, status(() -> new ClustersApi(partner).registerCluster(new ClusterRequest()
                .name("Not allowed " + UUID.randomUUID()).country("NL").worldRegion(WorldRegion.EUROPE).type(ClusterType.PORT))));

        // rotation: the old secret gets no new token, the new one does
        String newSecret = secretariat.rotateApiClientSecret(clientId, org).getClientSecret();
        assertNotEquals(secret, newSecret);
        assertTrue(refused(keycloak, clientId, secret), "the old secret is refused");
        String fresh = keycloak.clientToken(clientId, newSecret);

        // revocation: no new token at once; tokens already issued live until their exp (documented, <= 5 min)
        secretariat.revokeApiClient(clientId, org);
        assertTrue(refused(keycloak, clientId, newSecret), "a revoked client gets no token");
        assertTrue(secretariat.listApiClients(org, null, null, null).getItems().stream()
                .anyMatch(c -> clientId.equals(c.getClientId()) && c.getStatus() == ApiClientStatus.REVOKED));
        assertEquals(200, PlatformExtension.client("membership-service", fresh).get("/api/v1/clusters?size=1").status(),
                "an issued token stays valid until it expires");
    }

    private static ApiClientsApi clients(String baseUrl, Supplier<String> tokens) {
        return new ApiClientsApi(GeneratedClients.membership(baseUrl, tokens));
    }

    interface Call {
        Object run() throws ApiException;
    }

    /** The HTTP status a generated-client call ends with (201 for a created answer, the code of an ApiException). */
    private static int status(Call call) {
        try {
            call.run();
            return 201;
        } catch (ApiException e) {
            return e.getCode();
        }
    }

    private static boolean refused(KeycloakServer keycloak, String clientId, String secret) {
        int status = keycloak.tokenResponse(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)).statusCode();
        return status == 400 || status == 401;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String probe(String service) {
        return switch (service) {
            case "membership-service", "project-service" -> "/api/v1/clusters?size=1";
            case "kpi-service" -> "/api/v1/initiative/summary";
            default -> "/api/v1/webhooks";
        };
    }

    private static String kid(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).path("kid").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(String token) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), LinkedHashMap.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(Map<String, Object> claims) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode claims(String token) {
        return JSON.valueToTree(payload(token));
    }
}
