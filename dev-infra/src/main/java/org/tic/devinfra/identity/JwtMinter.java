package org.tic.devinfra.identity;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs RS256 JWTs like an OIDC provider would issue for the platform: {@code groups} carry the roles,
 * {@code clusters} the clusters a coordinator may act for, {@code org} a partner's organization id.
 * Used by the local run (to print tokens) and by tests (real signatures, no bypass).
 */
public final class JwtMinter {

    public static final String DEFAULT_ISSUER = "https://tic-platform.local/issuer";
    /** The audience the services require ({@code mp.jwt.verify.audiences}), as Keycloak's audience mapper sets it. */
    public static final String AUDIENCE = "tic-platform";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey key;
    private final String issuer;

    public JwtMinter(PrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public String secretariat(String subject) {
        return mint(subject, List.of("secretariat"), null, null, Duration.ofHours(12));
    }

    public String coordinator(String subject, List<String> clusterIds) {
        return mint(subject, List.of("cluster-coordinator"), clusterIds, null, Duration.ofHours(12));
    }

    public String partner(String subject, String organizationId) {
        return mint(subject, List.of("partner"), null, organizationId, Duration.ofHours(12));
    }

    public String mint(String subject, List<String> groups, List<String> clusters, String org, Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("groups", groups);
        if (clusters != null) {
            claims.put("clusters", clusters);
        }
        if (org != null) {
            claims.put("org", org);
        }
        return sign(claims, key);
    }

    /** Signs arbitrary claims (tests use it for expired or wrong-issuer tokens). */
    public static String sign(Map<String, Object> claims, PrivateKey key) {
        try {
            String header = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = b64(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64(rsa.sign());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
