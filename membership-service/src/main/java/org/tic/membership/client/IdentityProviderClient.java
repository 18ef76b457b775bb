package org.tic.membership.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.tic.commons.security.Roles;
import org.tic.membership.config.IdentityProviderConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Keycloak's admin API, as the confidential service account {@code tic-membership-admin}: registers a partner's
 * machine client (client-credentials grant) whose tokens carry {@code org}, {@code clusters}, realm role
 * {@code partner} (in {@code groups}) and audience {@code tic-platform}; regenerates its secret; deletes it.
 * <p>
 * The {@link Keycloak} instance is built here with {@link KeycloakBuilder} rather than injected from the
 * quarkus-keycloak-admin-rest-client extension ({@code quarkus.keycloak.admin-client.enabled=false}): the extension
 * validates its settings at start-up (grant type client_credentials without a secret fails the boot), while this
 * service must start without an identity provider (the local key-pair mode, its own tests) and answer 503 then.
 * The extension still provides the transport (its Quarkus REST client provider). One instance per replica keeps the
 * admin token and refreshes it before it expires.
 * <p>
 * Failures: unreachable, timed out, 5xx, or this service's account refused (401/403: a configuration error, logged)
 * → {@link IdentityProviderUnavailableException} (503 with Retry-After), never a 500.
 */
@ApplicationScoped
public class IdentityProviderClient {

    private static final Logger LOG = Logger.getLogger(IdentityProviderClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Client attribute naming the organization the client belongs to (for an operator browsing Keycloak). */
    public static final String ORGANIZATION_ATTRIBUTE = "tic.organization-id";
    public static final String MANAGED_BY_ATTRIBUTE = "tic.managed-by";
    /** Gives {@code groups} (realm roles) and {@code upn}; the realm's other default scopes stay as they are. */
    static final String GROUPS_SCOPE = "microprofile-jwt";
    static final List<String> DEFAULT_SCOPES = List.of("basic", "roles", "acr", GROUPS_SCOPE);
    public static final String AUDIENCE = "tic-platform";

    /** What Keycloak made: its internal id and the client's first secret. */
    public record Registration(String keycloakId, String secret) {
    }

    /** A client id that already exists in the realm (the caller picks another one). */
    public static class ClientIdTakenException extends RuntimeException {
        ClientIdTakenException(String clientId) {
            super("client id " + clientId + " already exists", null, false, false);
        }
    }

    /** The client no longer exists in Keycloak (deleted there by hand, or a revocation that did not finish). */
    public static class ClientGoneException extends RuntimeException {
        ClientGoneException(String keycloakId) {
            super("client " + keycloakId + " does not exist in the identity provider", null, false, false);
        }
    }

    private final IdentityProviderConfig config;
    private final String tokenUrl;
    private volatile Keycloak keycloak;

    public IdentityProviderClient(IdentityProviderConfig config,
                                  @ConfigProperty(name = "tic.security.oidc.discovery", defaultValue = "false") boolean discovery,
                                  @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.config = config;
        this.tokenUrl = config.tokenUrl().orElseGet(() -> discovery
                ? stripSlash(issuer) + "/protocol/openid-connect/token"
                : config.url().map(u -> stripSlash(u) + "/realms/" + config.realm() + "/protocol/openid-connect/token").orElse(null));
    }

    public boolean configured() {
        return config.configured();
    }

    /** Where the partner asks for tokens (client-credentials grant). */
    public String tokenUrl() {
        return tokenUrl;
    }

    /**
     * Registers a confidential machine client; on any failure after Keycloak created it, deletes it again so nothing
     * is left half-made.
     */
    public Registration register(String clientId, String name, String description, UUID organizationId, List<UUID> clusters) {
        ClientRepresentation rep = partnerClient(clientId, name, description, organizationId, clusters);
        RealmResource realm = realm();
        String id = call("register client " + clientId, () -> {
            try (Response r = realm.clients().create(rep)) {
                if (r.getStatus() == 409) {
                    throw new ClientIdTakenException(clientId);
                }
                return CreatedResponseUtil.getCreatedId(r);
            }
        });
        try {
            ClientResource client = realm.clients().get(id);
            String secret = call("finish client " + clientId, () -> {
                ensureGroupsScope(realm, client);
                String serviceAccount = client.getServiceAccountUser().getId();
                RoleRepresentation partner = realm.roles().get(Roles.PARTNER).toRepresentation();
                realm.users().get(serviceAccount).roles().realmLevel().add(List.of(partner));
                return client.getSecret().getValue();
            });
            return new Registration(id, secret);
        } catch (RuntimeException e) {
            deleteQuietly(id, clientId);
            throw e;
        }
    }

    /** Keycloak generates a new secret; the old one is refused for new tokens at once. */
    public String rotateSecret(String keycloakId) {
        return call("rotate the secret of client " + keycloakId, () -> {
            try {
                return realm().clients().get(keycloakId).generateNewSecret().getValue();
            } catch (jakarta.ws.rs.NotFoundException e) {
                throw new ClientGoneException(keycloakId);
            }
        });
    }

    /** Deletes the client: no new tokens from now on. False when it was already gone. */
    public boolean delete(String keycloakId) {
        return call("delete client " + keycloakId, () -> {
            try {
                realm().clients().get(keycloakId).remove();
                return true;
            } catch (jakarta.ws.rs.NotFoundException e) {
                return false;
            }
        });
    }

    /** Compensation: best effort, logged when it fails (an operator then deletes the client by its clientId). */
    public void deleteQuietly(String keycloakId, String clientId) {
        try {
            delete(keycloakId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not delete the half-registered Keycloak client %s (%s); delete it by hand", clientId, keycloakId);
        }
    }

    static ClientRepresentation partnerClient(String clientId, String name, String description, UUID organizationId,
                                              List<UUID> clusters) {
        ClientRepresentation c = new ClientRepresentation();
        c.setClientId(clientId);
        c.setName(name);
        c.setDescription(description);
        c.setEnabled(true);
        c.setProtocol("openid-connect");
        c.setPublicClient(false);
        c.setClientAuthenticatorType("client-secret");
        c.setServiceAccountsEnabled(true);
        c.setStandardFlowEnabled(false);
        c.setDirectAccessGrantsEnabled(false);
        c.setImplicitFlowEnabled(false);
        c.setFullScopeAllowed(true);
        c.setAttributes(Map.of(ORGANIZATION_ATTRIBUTE, organizationId.toString(), MANAGED_BY_ATTRIBUTE, "membership-service"));
        c.setDefaultClientScopes(DEFAULT_SCOPES);
        c.setOptionalClientScopes(List.of());
        List<ProtocolMapperRepresentation> mappers = new ArrayList<>();
        // Hardcoded on the client rather than user attributes of the service account: the values are fixed at
        // registration, and a JSON-typed hardcoded claim is a real JSON array (empty when the organization is in no cluster).
        mappers.add(hardcoded("org", organizationId.toString(), "String"));
        mappers.add(hardcoded("clusters", json(clusters.stream().map(UUID::toString).toList()), "JSON"));
        mappers.add(mapper("audience", "oidc-audience-mapper", Map.of("included.custom.audience", AUDIENCE,
                "access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true")));
        c.setProtocolMappers(mappers);
        return c;
    }

    private static ProtocolMapperRepresentation hardcoded(String claim, String value, String jsonType) {
        return mapper(claim, "oidc-hardcoded-claim-mapper", Map.of("claim.name", claim, "claim.value", value,
                "jsonType.label", jsonType, "access.token.claim", "true", "id.token.claim", "false",
                "userinfo.token.claim", "false", "introspection.token.claim", "true"));
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation m = new ProtocolMapperRepresentation();
        m.setName(name);
        m.setProtocol("openid-connect");
        m.setProtocolMapper(type);
        m.setConfig(new LinkedHashMap<>(config));
        return m;
    }

    /** Keycloak versions differ in whether a new client keeps the scopes it was created with: make sure of groups. */
    private static void ensureGroupsScope(RealmResource realm, ClientResource client) {
        if (client.getDefaultClientScopes().stream().anyMatch(s -> GROUPS_SCOPE.equals(s.getName()))) {
            return;
        }
        String scopeId = realm.clientScopes().findAll().stream().filter(s -> GROUPS_SCOPE.equals(s.getName()))
                .map(ClientScopeRepresentation::getId).findFirst()
                .orElseThrow(() -> new IllegalStateException("realm has no client scope " + GROUPS_SCOPE));
        client.addDefaultClientScope(scopeId);
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ClientIdTakenException | ClientGoneException e) {
            throw e;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 401 || status == 403) {
                LOG.errorf("Keycloak refused membership-service's admin account (%s, HTTP %d) trying to %s: check "
                        + "TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_ID/_SECRET and its realm-management roles", config.adminClientId(), status, what);
                throw IdentityProviderUnavailableException.unreachable("The identity provider refused this service's admin account");
            }
            LOG.warnf("Keycloak answered HTTP %d trying to %s", status, what);
            throw IdentityProviderUnavailableException.unreachable("The identity provider answered HTTP " + status + "; retry later");
        } catch (ProcessingException | IllegalStateException e) {
            LOG.warnf("Keycloak unreachable trying to %s: %s", what, e.getMessage());
            throw IdentityProviderUnavailableException.unreachable("The identity provider is unreachable; retry later");
        }
    }

    private RealmResource realm() {
        return keycloak().realm(config.realm());
    }

    private Keycloak keycloak() {
        if (!configured()) {
            throw IdentityProviderUnavailableException.notConfigured();
        }
        Keycloak k = keycloak;
        if (k == null) {
            synchronized (this) {
                k = keycloak;
                if (k == null) {
                    Client http = Keycloak.getClientProvider().newRestEasyClient(null, null, false);
                    // Per request; connecting gives up after the client's default 15 s.
                    http.property(QuarkusRestClientProperties.READ_TIMEOUT, config.timeout().toMillis());
                    k = KeycloakBuilder.builder()
                            .serverUrl(stripSlash(config.url().orElseThrow()))
                            .realm(config.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(config.adminClientId())
                            .clientSecret(config.adminClientSecret().orElseThrow())
                            .resteasyClient(http)
                            .build();
                    keycloak = k;
                }
            }
        }
        return k;
    }

    @PreDestroy
    void close() {
        Keycloak k = keycloak;
        if (k != null) {
            k.close();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
