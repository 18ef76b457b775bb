package org.tic.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.client.delivery.api.WebhooksApi;
import org.tic.client.kpi.api.InitiativeRollUpsApi;
import org.tic.client.kpi.api.KpiReportsApi;
import org.tic.client.kpi.model.Confidence;
import org.tic.client.kpi.model.JobsEffect;
import org.tic.client.kpi.model.JobsFields;
import org.tic.client.kpi.model.JobsKind;
import org.tic.client.kpi.model.JobsPhase;
import org.tic.client.kpi.model.KpiReportRequest;
import org.tic.client.kpi.model.KpiUnit;
import org.tic.client.kpi.model.Metric;
import org.tic.client.membership.api.ApiClientsApi;
import org.tic.client.membership.api.ClustersApi;
import org.tic.client.membership.api.OrganizationsApi;
import org.tic.client.membership.api.PartiesApi;
import org.tic.client.membership.model.ApiClientRequest;
import org.tic.client.membership.model.ApiClientStatus;
import org.tic.client.membership.model.ClusterRequest;
import org.tic.client.membership.model.ClusterType;
import org.tic.client.membership.model.ExistingMembershipRequest;
import org.tic.client.membership.model.ModelApiClient;
import org.tic.client.membership.model.OrganizationKind;
import org.tic.client.membership.model.OrganizationRequest;
import org.tic.client.membership.model.PartyRequest;
import org.tic.client.membership.model.PartyRole;
import org.tic.client.membership.model.WorldRegion;
import org.tic.client.project.api.ClustersReadModelApi;
import org.tic.client.project.api.ProjectsApi;
import org.tic.client.project.model.ProjectCategory;
import org.tic.client.project.model.ProjectRequest;
import org.tic.devinfra.client.GeneratedClients;
import org.tic.devinfra.identity.JwtMinter;
import org.tic.devinfra.identity.KeycloakServer;
import org.tic.devinfra.testing.TestTokens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform with Keycloak as its identity provider: the authorization rules of the three services hold for tokens
 * Keycloak issued (users with the realm's roles and {@code clusters}/{@code org} attributes), the services follow a
 * signing-key rotation without a restart, and tokens Keycloak did not sign are refused. Every call to the services goes
 * through the clients generated from their contracts (api-client); the calls to Keycloak itself are plain HTTP.
 */
@ExtendWith(PlatformExtension.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityProviderStoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Supplier<String> SECRETARIAT = PlatformExtension.secretariat();

    enum Who { ANONYMOUS, PARTNER, COORDINATOR_OF_THIS, COORDINATOR_OF_OTHER, SECRETARIAT }

    record Fixture(UUID cluster, UUID otherCluster, UUID organization) {
    }

    /** One write of the matrix, made with the given caller's tokens; answers the HTTP status. */
    interface Write {
        int status(Fixture f, Supplier<String> tokens) throws Exception;
    }

    record Row(String name, Write call, int[] expected) {
    }

    private static int[] expect(int anonymous, int partner, int coordinatorOfThis, int coordinatorOfOther, int secretariat) {
        return new int[]{anonymous, partner, coordinatorOfThis, coordinatorOfOther, secretariat};
    }

    private static String url(String service) {
        return PlatformExtension.platform().service(service).baseUrl();
    }

    private static org.tic.client.membership.ApiClient membership(Supplier<String> tokens) {
        return GeneratedClients.membership(url("membership-service"), tokens);
    }

    private static org.tic.client.project.ApiClient project(Supplier<String> tokens) {
        return GeneratedClients.project(url("project-service"), tokens);
    }

    private static org.tic.client.kpi.ApiClient kpi(Supplier<String> tokens) {
        return GeneratedClients.kpi(url("kpi-service"), tokens);
    }

    private static Supplier<String> tokens(Who who, Fixture f) {
        KeycloakServer keycloak = PlatformExtension.keycloak();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return switch (who) {
            case ANONYMOUS -> () -> null;
            case PARTNER -> keycloak.tokens("e2e-partner-" + suffix, "partner", Map.of("org", List.of(f.organization().toString())));
            case COORDINATOR_OF_THIS -> keycloak.tokens("e2e-coordinator-" + suffix, "cluster-coordinator",
                    Map.of("clusters", List.of(f.cluster().toString())));
            case COORDINATOR_OF_OTHER -> keycloak.tokens("e2e-other-coordinator-" + suffix, "cluster-coordinator",
                    Map.of("clusters", List.of(f.otherCluster().toString())));
            case SECRETARIAT -> SECRETARIAT;
        };
    }

    private static ClusterRequest clusterBody(String name) {
        return new ClusterRequest().name(name).country("NL").worldRegion(WorldRegion.EUROPE).type(ClusterType.PORT)
                .sectors(List.of("hydrogen"));
    }

    /** Two clusters and an organization, created by the secretariat and known to project- and kpi-service. */
    private static Fixture fixture() throws Exception {
        ClustersApi clusters = new ClustersApi(membership(SECRETARIAT));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID cluster = clusters.registerCluster(clusterBody("IdP matrix " + tag)).getId();
        UUID other = clusters.registerCluster(clusterBody("IdP matrix other " + tag)).getId();
        UUID org = new OrganizationsApi(membership(SECRETARIAT)).createOrganization(new OrganizationRequest()
                .name("IdP matrix Co " + tag).kind(OrganizationKind.COMPANY)).getId();
        clusters.recordExistingMembership(cluster, new ExistingMembershipRequest().joinedYear(2023), null); // may lead projects
        ClustersReadModelApi projectClusters = new ClustersReadModelApi(project(SECRETARIAT));
        var clusterKpis = new org.tic.client.kpi.api.ClusterKpisApi(kpi(SECRETARIAT));
        // both learn the cluster from membership events: 404 until then
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptionsMatching(e -> e instanceof org.tic.client.project.ApiException a && a.getCode() == 404
                        || e instanceof org.tic.client.kpi.ApiException k && k.getCode() == 404)
                .until(() -> "SIGNATORY".equals(projectClusters.getCluster(cluster).getStatus())
                        && clusterKpis.getClusterKpisWithHttpInfo(cluster, null, null).getStatusCode() == 200);
        return new Fixture(cluster, other, org);
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("membership POST /organizations",
                (f, t) -> new OrganizationsApi(membership(t)).createOrganizationWithHttpInfo(new OrganizationRequest()
                        .name("IdP new Co " + UUID.randomUUID()).kind(OrganizationKind.COMPANY)).getStatusCode(),
                expect(401, 403, 201, 201, 201)));
        rows.add(new Row("membership PUT /organizations/{id} (partner = that organization)",
                (f, t) -> new OrganizationsApi(membership(t)).updateOrganizationWithHttpInfo(f.organization(),
                        new OrganizationRequest().name("IdP renamed Co " + UUID.randomUUID()).kind(OrganizationKind.COMPANY),
                        null).getStatusCode(),
                expect(401, 200, 403, 403, 200)));
        rows.add(new Row("membership POST /clusters",
                (f, t) -> new ClustersApi(membership(t)).registerClusterWithHttpInfo(clusterBody("IdP new " + UUID.randomUUID()))
                        .getStatusCode(),
                expect(401, 403, 403, 403, 201)));
        rows.add(new Row("membership PUT /clusters/{id}",
                (f, t) -> new ClustersApi(membership(t)).updateClusterWithHttpInfo(f.cluster(),
                        clusterBody("IdP edited " + UUID.randomUUID()), null).getStatusCode(),
                expect(401, 403, 200, 403, 200)));
        rows.add(new Row("project POST /projects (lead = this cluster)",
                (f, t) -> new ProjectsApi(project(t)).createProjectWithHttpInfo(new ProjectRequest()
                        .name("IdP project " + UUID.randomUUID()).category(ProjectCategory.CO2_TRANSPORT_STORAGE)
                        .leadClusterId(f.cluster()).participatingClusterIds(List.of())).getStatusCode(),
                expect(401, 403, 201, 403, 201)));
        rows.add(new Row("kpi POST /kpi-reports (this cluster)",
                (f, t) -> new KpiReportsApi(kpi(t)).createKpiReportWithHttpInfo(jobs(f.cluster())).getStatusCode(),
                expect(401, 403, 201, 403, 201)));
        return rows;
    }

    private static KpiReportRequest jobs(UUID clusterId) {
        return new KpiReportRequest().clusterId(clusterId).metric(Metric.JOBS)
                .jobs(new JobsFields().kind(JobsKind.CREATED).effect(JobsEffect.DIRECT).phase(JobsPhase.OPERATION))
                .value(new BigDecimal("12")).unit(KpiUnit.HEADCOUNT)
                .periodStart(LocalDate.parse("2024-01-01")).periodEnd(LocalDate.parse("2024-12-31"))
                .reportedOn(LocalDate.parse("2025-01-22"))
                .source(new org.tic.client.kpi.model.Source().document("Annual report 2024"))
                .reportedBy("Cluster coordinator").confidence(Confidence.ESTIMATED);
    }

    @Test
    @Order(2)
    void theAuthorizationRulesHoldForKeycloakIssuedTokens() throws Exception {
        Fixture f = fixture();
        Map<Who, Supplier<String>> callers = new LinkedHashMap<>();
        for (Who who : Who.values()) {
            callers.put(who, tokens(who, f));
        }
        List<String> failures = new ArrayList<>();
        for (Row row : rows()) {
            for (Who who : Who.values()) {
                Answer reply = answer(() -> row.call().status(f, callers.get(who)));
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
            assertEquals(200, probe(service, () -> before), service);
        }
        keycloak.rotateSigningKey();
        String after = keycloak.passwordToken("secretariat", "secretariat");
        assertNotEquals(kid(before), kid(after), "the new key signs");
        // kid-miss refreshes of the key set are at most once a minute per service; the first is immediate
        for (String service : List.of("membership-service", "project-service", "kpi-service", "delivery-service")) {
            await().atMost(Duration.ofSeconds(90)).until(() -> probe(service, () -> after) == 200);
            // a token of the previous key still verifies until it expires: the key stays published
            assertEquals(200, probe(service, () -> before), service);
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
            ClustersApi membership = new ClustersApi(membership(() -> token));
            assertEquals(401, status(() -> membership.registerClusterWithHttpInfo(clusterBody("Refused " + UUID.randomUUID()))
                    .getStatusCode()));
            assertEquals(401, listClusters(() -> token, null), "a broken token is never read as anonymous");
        }
        assertEquals(200, listClusters(() -> real, null));
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
        assertEquals(200, listClusters(() -> access, 1));
    }

    /** Through the client generated from membership-service's contract (api-client), as a partner's code would. */
    @Test
    @Order(5)
    void aPartnerGetsAMachineClientATokenAndCallsTheApi() throws Exception {
        KeycloakServer keycloak = PlatformExtension.keycloak();
        Fixture f = fixture();
        UUID org = f.organization();
        new PartiesApi(membership(SECRETARIAT))
                .addClusterParty(f.cluster(), new PartyRequest().organizationId(org).role(PartyRole.MEMBER));
        OrganizationsApi asSecretariat = new OrganizationsApi(membership(SECRETARIAT));
        UUID otherOrg = asSecretariat.createOrganization(new OrganizationRequest().name("IdP other Co " + UUID.randomUUID())
                .kind(OrganizationKind.COMPANY)).getId();

        // who may register one
        ApiClientRequest request = new ApiClientRequest().name("ERP integration").description("Nightly KPI sync");
        assertEquals(403, status(() -> clients(tokens(Who.COORDINATOR_OF_OTHER, f)).registerApiClientWithHttpInfo(org, request).getStatusCode()));
        assertEquals(403, status(() -> clients(tokens(Who.PARTNER, f)).registerApiClientWithHttpInfo(org, request).getStatusCode()));
        assertEquals(401, status(() -> clients(() -> null).registerApiClientWithHttpInfo(org, request).getStatusCode()));
        assertEquals(201, status(() -> clients(tokens(Who.COORDINATOR_OF_THIS, f)).registerApiClientWithHttpInfo(org, request).getStatusCode()));
        ApiClientsApi secretariat = clients(SECRETARIAT);
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
        assertEquals(f.organization().toString(), claims.path("org").asText(), claims.toString());
        assertTrue(claims.path("clusters").toString().contains(f.cluster().toString()), claims.toString());
        assertTrue(claims.path("groups").toString().contains("partner"), claims.toString());
        assertTrue(claims.path("aud").toString().contains("tic-platform"), claims.toString());

        // a write it is allowed (its own organization) and ones it is not
        var partner = membership(() -> token);
        OrganizationsApi organizations = new OrganizationsApi(partner);
        assertEquals(org, organizations.updateOrganization(org, new OrganizationRequest().name("IdP partner renamed "
                + UUID.randomUUID()).kind(OrganizationKind.COMPANY), null).getId());
        assertEquals(403, status(() -> organizations.updateOrganizationWithHttpInfo(otherOrg, new OrganizationRequest().name("Not mine")
                .kind(OrganizationKind.COMPANY), null).getStatusCode()));
        assertEquals(403, status(() -> new ClustersApi(partner).registerClusterWithHttpInfo(new ClusterRequest()
                .name("Not allowed " + UUID.randomUUID()).country("NL").worldRegion(WorldRegion.EUROPE).type(ClusterType.PORT))
                .getStatusCode()));

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
        assertEquals(200, listClusters(() -> fresh, 1), "an issued token stays valid until it expires");
    }

    private static ApiClientsApi clients(Supplier<String> tokens) {
        return new ApiClientsApi(membership(tokens));
    }

    /** A generated-client call ({@code ...WithHttpInfo}) answering its HTTP status. */
    interface Call {
        int run() throws Exception;
    }

    record Answer(int status, String body) {
    }

    /** The status a generated-client call ends with: its answer's, or its ApiException's (with the problem body). */
    private static Answer answer(Call call) {
        try {
            return new Answer(call.run(), "");
        } catch (org.tic.client.membership.ApiException e) {
            return new Answer(e.getCode(), e.getResponseBody());
        } catch (org.tic.client.project.ApiException e) {
            return new Answer(e.getCode(), e.getResponseBody());
        } catch (org.tic.client.kpi.ApiException e) {
            return new Answer(e.getCode(), e.getResponseBody());
        } catch (org.tic.client.delivery.ApiException e) {
            return new Answer(e.getCode(), e.getResponseBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(Call call) {
        return answer(call).status();
    }

    /** GET /api/v1/clusters (of membership-service) with these tokens. */
    private static int listClusters(Supplier<String> tokens, Integer size) {
        return status(() -> new ClustersApi(membership(tokens)).listClustersWithHttpInfo(null, null, null, null, null, null,
                null, null, size, null, null, null).getStatusCode());
    }

    private static boolean refused(KeycloakServer keycloak, String clientId, String secret) {
        int status = keycloak.tokenResponse(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)).statusCode();
        return status == 400 || status == 401;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A read of each service with these tokens, its status (a token that does not verify gets 401, public reads too). */
    private static int probe(String service, Supplier<String> tokens) {
        return switch (service) {
            case "membership-service" -> listClusters(tokens, 1);
            case "project-service" -> status(() -> new ClustersReadModelApi(project(tokens))
                    .listClustersWithHttpInfo(null, null, null, 1, null, null).getStatusCode());
            case "kpi-service" -> status(() -> new InitiativeRollUpsApi(kpi(tokens))
                    .getInitiativeSummaryWithHttpInfo(null, null, null).getStatusCode());
            default -> status(() -> new WebhooksApi(GeneratedClients.delivery(url(service), tokens))
                    .listWebhooksWithHttpInfo().getStatusCode());
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
