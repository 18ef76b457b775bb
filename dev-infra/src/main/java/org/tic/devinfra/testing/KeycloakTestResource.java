package org.tic.devinfra.testing;

import org.tic.devinfra.identity.KeycloakServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource for membership-service's partner API clients: the shared real Keycloak (tic realm) and the
 * admin service account the service registers clients with. The service keeps trusting the test key pair for its
 * own callers ({@link TicInfraTestResource}); tests read the registered clients' tokens from {@link KeycloakServer#shared()}.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = KeycloakServer.shared();
        return Map.of(
                "tic.identity-provider.url", keycloak.baseUrl(),
                "tic.identity-provider.realm", KeycloakServer.REALM,
                "tic.identity-provider.admin-client-id", KeycloakServer.MEMBERSHIP_ADMIN_CLIENT,
                "tic.identity-provider.admin-client-secret", KeycloakServer.MEMBERSHIP_ADMIN_SECRET);
    }

    @Override
    public void stop() {
        // shared by the JVM; its shutdown hook stops it
    }
}
