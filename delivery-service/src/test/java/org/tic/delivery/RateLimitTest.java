package org.tic.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.tic.commons.ratelimit.BulkOperation;
import org.tic.devinfra.identity.JwtMinter;
import org.tic.devinfra.testing.TestTokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rate limits on a real service, with tiny limits (3 an hour, so nothing refills during the test): 429
 * problem+json with Retry-After past the limit, RateLimit headers on every limited answer, one bucket per client
 * (a client-credentials client's tokens share one), anonymous callers by the connection's address (X-Forwarded-For
 * ignored, the proxy not being trusted), a bulk operation's separate, stricter bucket (on a probe resource of this
 * test: the service itself has no bulk operation).
 * Anonymous calls from 127.0.0.1 are made in one test only: the other tests connect from other loopback addresses.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
class RateLimitTest {

    private static final String LATEST = "/api/v1/changes/latest";

    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("%test.tic.rate-limit.enabled", "true");
            c.put("tic.rate-limit.enabled", "true");
            for (String policy : List.of("anonymous", "partner", "cluster-coordinator", "secretariat")) {
                c.put("tic.rate-limit." + policy + ".capacity", "3");
                c.put("tic.rate-limit." + policy + ".period", "PT1H");
            }
            c.put("tic.rate-limit.secretariat.capacity", "6");
            c.put("tic.rate-limit.bulk.capacity", "1");
            c.put("tic.rate-limit.bulk.period", "PT1H");
            return c;
        }
    }

    /** A bulk operation, only in this test's application. */
    @Path("/test/rate-limit/bulk")
    public static class BulkProbe {
        @GET
        @PermitAll
        @BulkOperation
        public String export() {
            return "exported";
        }
    }

    @Test
    void aClientPastItsLimitGetsA429ProblemWithRetryAfterAndEveryAnswerCarriesTheRateLimitHeaders() {
        String token = TestTokens.partner(UUID.randomUUID());
        for (int left = 2; left >= 0; left--) {
            given().auth().oauth2(token).get(LATEST).then().statusCode(200)
                    .header("RateLimit-Policy", "\"partner\";q=3;w=3600")
                    .header("RateLimit", startsWith("\"partner\";r=" + left + ";t="));
        }
        Response refused = given().auth().oauth2(token).get(LATEST);
        refused.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Policy", "\"partner\";q=3;w=3600")
                .header("RateLimit", startsWith("\"partner\";r=0;t="))
                .body("type", equalTo("urn:tic:problem:rate-limited"))
                .body("status", equalTo(429))
                .body("detail", containsString("\"partner\""))
                .body("detail", containsString("3 requests per 3600 s"))
                .body("instance", equalTo(LATEST))
                .body("limit", equalTo(3));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 1100 && retryAfter <= 1200, "3 an hour: the next one in 20 minutes, not " + retryAfter);

        // another partner client has its own bucket
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).get(LATEST).then().statusCode(200)
                .header("RateLimit", startsWith("\"partner\";r=2;"));
        // the secretariat's limit is its own
        given().auth().oauth2(TestTokens.secretariat()).get(LATEST).then().statusCode(200)
                .header("RateLimit-Policy", "\"secretariat\";q=6;w=3600");
    }

    @Test
    void bulkOperationsDrawOnASeparateStricterBucket() {
        String token = TestTokens.secretariat();
        given().auth().oauth2(token).get("/test/rate-limit/bulk").then().statusCode(200)
                .header("RateLimit-Policy", "\"bulk\";q=1;w=3600").header("RateLimit", startsWith("\"bulk\";r=0;"));
        given().auth().oauth2(token).get("/test/rate-limit/bulk").then().statusCode(429)
                .body("detail", containsString("for bulk operations"));
        // the secretariat's ordinary bucket is untouched
        given().auth().oauth2(token).get(LATEST).then().statusCode(200).header("RateLimit", startsWith("\"secretariat\";r=5;"));
    }

    @Test
    void theTokensOfOneApiClientShareItsBucketWhateverTheirSubject() {
        String client = "partner-sync-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            // each token as Keycloak issues it to a client-credentials client; sub differs here to show it is not the key
            given().auth().oauth2(clientCredentialsToken(client, "service-user-" + i)).get(LATEST).then().statusCode(200);
        }
        given().auth().oauth2(clientCredentialsToken(client, "service-user-3")).get(LATEST).then().statusCode(429);
        given().auth().oauth2(clientCredentialsToken(client + "-other", "service-user-0")).get(LATEST).then().statusCode(200);
    }

    @Test
    void anonymousCallersAreKeyedByTheirAddressNotByWhatTheySayInXForwardedFor() throws IOException {
        assertEquals(200, statusFrom("127.0.0.2", LATEST, null));
        assertEquals(200, statusFrom("127.0.0.2", LATEST, "198.51.100.1"));
        assertEquals(200, statusFrom("127.0.0.2", LATEST, "198.51.100.2"));
        assertEquals(429, statusFrom("127.0.0.2", LATEST, "198.51.100.3"), "the proxy is not trusted: the header is no key");
        assertEquals(200, statusFrom("127.0.0.3", LATEST, null), "another address, another bucket");
        // a token caller on the exhausted address has its own bucket
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).get(LATEST).then().statusCode(200);
    }

    @Test
    void brokenTokensHealthAndPreflightAreNotTheLimitsBusiness() {
        // exhaust anonymous for 127.0.0.1 (RestAssured's address)
        for (int i = 0; i < 3; i++) {
            given().get(LATEST).then().statusCode(200).header("RateLimit", startsWith("\"anonymous\";r=" + (2 - i) + ";"));
        }
        given().get(LATEST).then().statusCode(429).header("RateLimit-Policy", "\"anonymous\";q=3;w=3600");
        // a broken token is still a 401 from BrokenTokenFilter, not a 429 nor a 500
        given().auth().oauth2("not.a.token").get(LATEST).then().statusCode(401).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200).header("RateLimit", nullValue());
        given().header("Origin", "http://localhost:8083").header("Access-Control-Request-Method", "GET")
                .options(LATEST).then().statusCode(200).header("RateLimit", nullValue());
    }

    private static String clientCredentialsToken(String clientId, String subject) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", JwtMinter.DEFAULT_ISSUER);
        claims.put("aud", JwtMinter.AUDIENCE);
        claims.put("sub", subject);
        claims.put("azp", clientId);
        claims.put("client_id", clientId);
        claims.put("preferred_username", "service-account-" + clientId);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("groups", List.of("partner"));
        claims.put("org", UUID.randomUUID().toString());
        return JwtMinter.sign(claims, TestTokens.keys().privateKey());
    }

    /** A GET over a connection from {@code localAddress} (another loopback address: another client). */
    private static int statusFrom(String localAddress, String path, String forwardedFor) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
