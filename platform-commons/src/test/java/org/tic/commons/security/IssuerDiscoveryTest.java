package org.tic.commons.security;

import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery against a small real HTTP server playing the identity provider (metadata + key set). */
class IssuerDiscoveryTest {

    private HttpServer server;
    private String local;
    private final AtomicReference<String> announcedIssuer = new AtomicReference<>();
    private final AtomicReference<String> announcedJwks = new AtomicReference<>();
    private final AtomicReference<List<RsaJsonWebKey>> keys = new AtomicReference<>();
    private final AtomicInteger metadataStatus = new AtomicInteger(200);
    private final AtomicInteger metadataReads = new AtomicInteger();
    private final AtomicInteger keySetReads = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private RsaJsonWebKey first;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        local = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/tic";
        server.createContext("/realms/tic/.well-known/openid-configuration", exchange -> {
            metadataReads.incrementAndGet();
            byte[] body = ("{\"issuer\":\"" + announcedIssuer.get() + "\",\"jwks_uri\":\"" + announcedJwks.get() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(metadataStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/realms/tic/protocol/openid-connect/certs", exchange -> {
            keySetReads.incrementAndGet();
            byte[] body = new JsonWebKeySet(List.<JsonWebKey>copyOf(keys.get()))
                    .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        first = key("first");
        keys.set(List.of(first));
        announce(local);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void verifiesWithTheKeySetTheMetadataNamesAndFollowsRotation() throws Exception {
        // kid-miss refreshes unthrottled here (production: once a minute), so the test can poll: jose4j itself skips
        // a refresh within 300 ms of the last one
        JWTAuthContextInfo info = info(local);
        IssuerDiscovery discovery = new IssuerDiscovery(info, null, Duration.ofSeconds(5), now::get, 0);
        assertEquals("someone", discovery.parser().parse(token(first, local, "tic-platform")).getSubject());

        RsaJsonWebKey second = key("second");
        keys.set(List.of(second)); // the IdP rotated: the old key is gone, a new kid signs
        String rotated = token(second, local, "tic-platform");
        // until jose4j's reprieve has passed the unknown kid is refused (a ParseException): keep polling
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().untilAsserted(() ->
                assertEquals("someone", discovery.parser().parse(rotated).getSubject()));
        assertEquals(1, metadataReads.get(), "rotation is followed through the key set, not by discovering again");
        assertTrue(keySetReads.get() >= 2);
        assertThrows(ParseException.class, () -> discovery.parser().parse(token(first, local, "tic-platform")));
    }

    @Test
    void refusesForeignKeysWrongAudienceAndWrongIssuer() throws Exception {
        IssuerDiscovery discovery = discovery(local, null);
        RsaJsonWebKey stranger = key("first"); // same kid, other key
        assertThrows(ParseException.class, () -> discovery.parser().parse(token(stranger, local, "tic-platform")));
        assertThrows(ParseException.class, () -> discovery.parser().parse(token(first, local, "somebody-else")));
        assertThrows(ParseException.class, () -> discovery.parser().parse(token(first, "https://evil.example", "tic-platform")));
        assertEquals("someone", discovery.parser().parse(token(first, local, "tic-platform")).getSubject());
    }

    @Test
    void aDiscoveryDocumentOfAnotherIssuerIsNotTrusted() {
        announcedIssuer.set("https://evil.example/realms/tic");
        IssuerDiscovery discovery = discovery(local, null);
        ParseException e = assertThrows(ParseException.class, discovery::parser);
        assertTrue(e.getMessage().contains("evil.example"), e.getMessage());
    }

    @Test
    void whileTheIdpIsDownTokensAreRefusedAndDiscoveryIsRetriedAtMostOncePerInterval() throws Exception {
        metadataStatus.set(503);
        IssuerDiscovery discovery = discovery(local, null);
        String token = token(first, local, "tic-platform");
        assertThrows(ParseException.class, () -> discovery.parser().parse(token));
        assertThrows(ParseException.class, () -> discovery.parser().parse(token));
        assertEquals(1, metadataReads.get(), "no second read within the retry interval");

        metadataStatus.set(200);
        now.addAndGet(Duration.ofSeconds(6).toMillis());
        assertEquals("someone", discovery.parser().parse(token).getSubject());
        assertEquals(2, metadataReads.get());
    }

    @Test
    void anInternalDiscoveryUrlAlsoServesTheKeySetTheIssuerNamesUnderItsPublicAddress() throws Exception {
        String publicIssuer = "https://login.tic.example/realms/tic";
        announce(publicIssuer); // jwks_uri under the public address, which this test cannot reach
        IssuerDiscovery discovery = discovery(publicIssuer, local);
        assertEquals("someone", discovery.parser().parse(token(first, publicIssuer, "tic-platform")).getSubject());
        assertEquals(1, keySetReads.get());
    }

    private void announce(String issuer) {
        announcedIssuer.set(issuer);
        announcedJwks.set(issuer + "/protocol/openid-connect/certs");
    }

    private IssuerDiscovery discovery(String issuer, String discoveryUrl) {
        return new IssuerDiscovery(info(issuer), discoveryUrl, Duration.ofSeconds(5), now::get);
    }

    private static JWTAuthContextInfo info(String issuer) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(issuer);
        info.setExpectedAudience(Set.of("tic-platform"));
        return info;
    }

    private static RsaJsonWebKey key(String kid) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        return key;
    }

    private static String token(RsaJsonWebKey key, String issuer, String audience) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject("someone");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
