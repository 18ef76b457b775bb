package org.tic.membership.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The identity provider (Keycloak) where partner API clients are registered, through its admin API as a confidential
 * service account. Without {@code url} and {@code admin-client-secret} the service runs as before and the api-client
 * endpoints answer 503 ({@code identity-provider-unavailable}).
 */
@ConfigMapping(prefix = "tic.identity-provider")
public interface IdentityProviderConfig {

    /** Base URL of Keycloak as this service reaches it, e.g. {@code http://keycloak:8080} (no {@code /realms/...}). */
    Optional<String> url();

    /** The realm partner clients live in (also the realm the admin service account belongs to). */
    @WithDefault("tic")
    String realm();

    /** The service account membership-service manages clients with (realm-management client and user roles). */
    @WithDefault("tic-membership-admin")
    String adminClientId();

    /** Its secret (from the environment / a Secret, never from a file in the repository). */
    Optional<String> adminClientSecret();

    /**
     * The token endpoint partners are told to use. Default: {@code mp.jwt.verify.issuer} + {@code /protocol/openid-connect/token}
     * when the issuer is discovered (its public address), otherwise {@code url} + {@code /realms/{realm}/protocol/openid-connect/token}.
     */
    Optional<String> tokenUrl();

    /** Longest wait for one admin API answer; past it the request answers 503 with Retry-After. */
    @WithDefault("10s")
    Duration timeout();

    /** Whether the admin API can be called at all. */
    default boolean configured() {
        return url().filter(u -> !u.isBlank()).isPresent() && adminClientSecret().filter(s -> !s.isBlank()).isPresent();
    }
}
