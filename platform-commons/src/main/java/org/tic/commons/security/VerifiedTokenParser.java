package org.tic.commons.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The JWT parser every request's bearer token goes through, remembering tokens it has verified until they expire:
 * a partner's client sends the same token on every call for its lifetime, and verifying its RS256 signature again
 * each time was the largest single share of a membership write's CPU in the benchmark's profile (SmallRye JWT,
 * 16-29%). Only tokens that verified are remembered (a broken one is checked — and refused — every time), an
 * entry never outlives its token's {@code exp} (nor {@code tic.security.verified-tokens.max-age}), and the key is
 * the whole token, so a token differing in any byte is verified afresh.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenParser implements JWTParser {

    /** The verifying parser: fixed (configured key) or found through the issuer's discovery document. */
    interface Source {
        JWTParser get() throws ParseException;
    }

    private final Source delegate;
    private final Cache<String, JsonWebToken> verified;
    private final LongSupplier nowSeconds;

    @Inject
    public VerifiedTokenParser(JWTAuthContextInfo authContextInfo,
                               @ConfigProperty(name = "tic.security.verified-tokens.max-size", defaultValue = "10000") long maxSize,
                               @ConfigProperty(name = "tic.security.verified-tokens.max-age", defaultValue = "PT5M") Duration maxAge,
                               @ConfigProperty(name = "tic.security.oidc.discovery", defaultValue = "false") boolean discovery,
                               @ConfigProperty(name = "tic.security.oidc.discovery-url") Optional<String> discoveryUrl,
                               @ConfigProperty(name = "tic.security.oidc.retry-after", defaultValue = "PT5S") Duration retryAfter) {
        this(source(authContextInfo, discovery, discoveryUrl.orElse(null), retryAfter), maxSize, maxAge,
                () -> System.currentTimeMillis() / 1000);
    }

    private static Source source(JWTAuthContextInfo info, boolean discovery, String discoveryUrl, Duration retryAfter) {
        if (!discovery) {
            JWTParser fixed = new DefaultJWTParser(info);
            return () -> fixed;
        }
        return new IssuerDiscovery(info, discoveryUrl, retryAfter, System::currentTimeMillis)::parser;
    }

    /** For tests: any parser, any clock (epoch seconds). */
    VerifiedTokenParser(JWTParser delegate, long maxSize, Duration maxAge, LongSupplier nowSeconds) {
        this(() -> delegate, maxSize, maxAge, nowSeconds);
    }

    VerifiedTokenParser(Source delegate, long maxSize, Duration maxAge, LongSupplier nowSeconds) {
        this.delegate = delegate;
        this.nowSeconds = nowSeconds;
        long maxAgeNanos = maxAge.toNanos();
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new Expiry<String, JsonWebToken>() {
                    @Override
                    public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
                        long left = Duration.ofSeconds(Math.max(0, jwt.getExpirationTime() - nowSeconds.getAsLong())).toNanos();
                        return Math.min(left, maxAgeNanos);
                    }

                    @Override
                    public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        // The cache's own expiry runs on its ticker; the token's exp is checked here too, so no answer depends on
        // when the cache last cleaned up.
        if (known != null && known.getExpirationTime() > nowSeconds.getAsLong()) {
            return known;
        }
        JsonWebToken jwt = delegate.get().parse(token);
        if (jwt.getExpirationTime() > nowSeconds.getAsLong()) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.get().parse(token, context); // another context (other issuer or key): not this cache's business
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.get().verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.get().verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.get().verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.get().decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.get().decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.get().decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.get().parseOnly(token);
    }
}
