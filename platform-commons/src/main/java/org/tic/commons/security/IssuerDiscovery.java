package org.tic.commons.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.logging.Logger;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Finds the identity provider's signing keys from its issuer (OpenID Connect discovery): reads
 * {@code {base}/.well-known/openid-configuration}, checks that it speaks for the issuer the service trusts, and builds
 * the verifying parser on the {@code jwks_uri} it names. SmallRye JWT then follows key rotation itself: a token with an
 * unknown {@code kid} makes it fetch the key set again (at most once a minute, so forged kids cannot flood the IdP).
 *
 * <p>Done lazily and retried (not at boot): a service must start while the IdP is still starting, and refuses tokens
 * (401) until the IdP answers, never accepting one it could not verify. The JDK's HTTP client is enough for two GETs.
 */
final class IssuerDiscovery {

    private static final Logger LOG = Logger.getLogger(IssuerDiscovery.class);
    /** Minutes between kid-miss refreshes of the key set (the first one after start is immediate). */
    static final int FORCED_JWKS_REFRESH_MINUTES = 1;

    private final JWTAuthContextInfo template;
    private final String issuer;
    private final String base;
    private final Duration retryAfter;
    private final LongSupplier nowMillis;
    private final int forcedRefreshMinutes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private volatile JWTParser parser;
    private volatile long lastFailure;
    private volatile String lastError;

    /**
     * @param discoveryUrl where the issuer's metadata is read when the issuer's own URL is not reachable from here (a
     *                     cluster-internal address, e.g. {@code http://keycloak:8080/realms/tic}); null or blank = the issuer
     */
    IssuerDiscovery(JWTAuthContextInfo template, String discoveryUrl, Duration retryAfter, LongSupplier nowMillis) {
        this(template, discoveryUrl, retryAfter, nowMillis, FORCED_JWKS_REFRESH_MINUTES);
    }

    IssuerDiscovery(JWTAuthContextInfo template, String discoveryUrl, Duration retryAfter, LongSupplier nowMillis,
                    int forcedRefreshMinutes) {
        this.forcedRefreshMinutes = forcedRefreshMinutes;
        this.template = template;
        this.issuer = template.getIssuedBy();
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("tic.security.oidc.discovery needs mp.jwt.verify.issuer");
        }
        this.base = stripSlash(discoveryUrl == null || discoveryUrl.isBlank() ? issuer : discoveryUrl);
        this.retryAfter = retryAfter;
        this.nowMillis = nowMillis;
    }

    /** The parser verifying against the IdP's key set; throws (a 401 for the caller) while the IdP cannot be read. */
    JWTParser parser() throws ParseException {
        JWTParser known = parser;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (parser != null) {
                return parser;
            }
            if (lastFailure != 0 && nowMillis.getAsLong() - lastFailure < retryAfter.toMillis()) {
                throw new ParseException("The identity provider's keys are not available yet: " + lastError);
            }
            try {
                parser = new DefaultJWTParser(withKeySet(jwksUri()));
                LOG.infof("Verifying tokens of %s with the key set its discovery document names", issuer);
                return parser;
            } catch (RuntimeException | java.io.IOException e) {
                lastFailure = nowMillis.getAsLong();
                lastError = e.getMessage();
                LOG.warnf("Cannot read the discovery document of %s from %s: %s (retrying in %s)", issuer, base, e.getMessage(), retryAfter);
                throw new ParseException("The identity provider's keys are not available yet: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ParseException("Interrupted while reading the identity provider's keys");
            }
        }
    }

    private String jwksUri() throws java.io.IOException, InterruptedException {
        URI uri = URI.create(base + "/.well-known/openid-configuration");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        JsonObject metadata;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            metadata = reader.readObject();
        }
        String announced = metadata.getString("issuer", null);
        if (!issuer.equals(announced)) {
            // a document for another issuer would make us trust keys that do not speak for ours
            throw new IllegalStateException(uri + " is the discovery document of " + announced + ", not of " + issuer);
        }
        String jwks = metadata.getString("jwks_uri", null);
        if (jwks == null || jwks.isBlank()) {
            throw new IllegalStateException(uri + " names no jwks_uri");
        }
        return reachable(jwks);
    }

    /** The IdP names its key set under its public address; read it where the metadata came from. */
    private String reachable(String jwksUri) {
        String publicBase = stripSlash(issuer);
        return !publicBase.equals(base) && jwksUri.startsWith(publicBase) ? base + jwksUri.substring(publicBase.length()) : jwksUri;
    }

    private JWTAuthContextInfo withKeySet(String jwksUri) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(template);
        info.setPublicKeyContent(null);
        info.setPublicKeyLocation(jwksUri);
        info.setForcedJwksRefreshInterval(forcedRefreshMinutes);
        return info;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
