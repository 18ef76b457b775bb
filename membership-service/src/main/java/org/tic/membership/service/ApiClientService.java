package org.tic.membership.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rules.RuleViolation;
import org.tic.membership.client.IdentityProviderClient;
import org.tic.membership.client.IdentityProviderUnavailableException;
import org.tic.membership.domain.ApiClient;
import org.tic.membership.domain.ApiClientNaming;
import org.tic.membership.domain.ApiClientStatus;
import org.tic.membership.domain.Organization;
import org.tic.membership.mapping.ApiClientRequest;
import org.tic.membership.repository.ApiClientRepository;
import org.tic.membership.repository.ClusterPartyRepository;
import org.tic.membership.repository.OrganizationRepository;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Partner API clients: the row here and the client in the identity provider. No database transaction is open while
 * the identity provider answers on registration (a connection is not held for a remote call); the order makes sure
 * nothing stays half-made: Keycloak first, then the row, and when the row cannot be written the Keycloak client is
 * deleted again. Rotation and revocation lock the row for the call, so that on several replicas they run one at a
 * time per client (two concurrent rotations would otherwise hand one caller a secret that no longer works).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ApiClientService {

    /** Transactions that wait for the identity provider (its timeout, plus the admin token when it is renewed). */
    private static final int REMOTE_TX_TIMEOUT_SECONDS = 60;
    private static final int CLIENT_ID_ATTEMPTS = 3;

    private final ApiClientRepository clients;
    private final OrganizationRepository organizations;
    private final ClusterPartyRepository parties;
    private final IdentityProviderClient identityProvider;
    private final MembershipAccess access;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiClientService(ApiClientRepository clients, OrganizationRepository organizations,
                            ClusterPartyRepository parties, IdentityProviderClient identityProvider, MembershipAccess access,
                            Clock clock) {
        this.clock = clock;
        this.clients = clients;
        this.organizations = organizations;
        this.parties = parties;
        this.identityProvider = identityProvider;
        this.access = access;
    }

    /** A client with the secret the caller sees once. */
    public record Issued(ApiClient client, String secret) {
    }

    public Issued register(UUID organizationId, @NotNull @Valid ApiClientRequest request, String actor) {
        Organization org = organization(organizationId);
        List<UUID> clusters = parties.activeClusterIds(organizationId);
        access.requireMayManageApiClients(clusters);
        requireConfigured();
        String name = request.name().trim();
        String description = request.description() == null || request.description().isBlank() ? null : request.description().trim();
        IdentityProviderClient.Registration registration = null;
        String clientId = null;
        for (int attempt = 1; registration == null; attempt++) {
            clientId = ApiClientNaming.clientId(org.name, org.id, ApiClientNaming.randomSuffix(random));
            try {
                registration = identityProvider.register(clientId, name, description, org.id, clusters);
            } catch (IdentityProviderClient.ClientIdTakenException taken) {
                if (attempt == CLIENT_ID_ATTEMPTS) {
                    throw RuleViolation.conflict("Could not find a free client id for " + org.name + "; retry");
                }
            }
        }
        ApiClient c = new ApiClient();
        c.id = UUID.randomUUID();
        c.organizationId = org.id;
        c.clientId = clientId;
        c.keycloakId = registration.keycloakId();
        c.name = name;
        c.description = description;
        c.clusters = clusters;
        c.status = ApiClientStatus.ACTIVE;
        c.createdAt = clock.instant();
        c.createdBy = actor;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                clients.persist(c);
                clients.flush(); // a constraint failure surfaces here (a 409), not inside the commit
            });
        } catch (RuntimeException e) {
            // e.g. the organization was deleted meanwhile, or the database is gone: no client without its row
            identityProvider.deleteQuietly(registration.keycloakId(), clientId);
            throw e;
        }
        return new Issued(c, registration.secret());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiClientRepository.Page list(UUID organizationId, PageRequest page) {
        organization(organizationId);
        access.requireMayManageApiClients(parties.activeClusterIds(organizationId));
        return clients.forOrganization(organizationId, page);
    }

    /** By id or client id, for the secretariat or a coordinator of one of the organization's clusters. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiClient get(String key) {
        ApiClient c = clients.findByKey(key).orElseThrow(() -> ProblemException.notFound("API client", key));
        access.requireMayManageApiClients(parties.activeClusterIds(c.organizationId));
        return c;
    }

    /** Keycloak generates a new secret; the old one gets no new tokens (tokens already issued live until they expire). */
    public Issued rotateSecret(UUID organizationId, String key, String actor) {
        ApiClient found = inOrganization(organizationId, key);
        requireConfigured();
        return QuarkusTransaction.requiringNew().timeout(REMOTE_TX_TIMEOUT_SECONDS).call(() -> {
            ApiClient c = clients.lock(found.id).orElseThrow(() -> ProblemException.notFound("API client", key));
            if (!c.isActive()) {
                throw RuleViolation.conflict("API client " + c.clientId + " was revoked on " + c.revokedAt
                        + "; register a new one");
            }
            String secret;
            try {
                secret = identityProvider.rotateSecret(c.keycloakId);
            } catch (IdentityProviderClient.ClientGoneException gone) {
                throw RuleViolation.conflict("API client " + c.clientId + " no longer exists in the identity "
                        + "provider; revoke it and register a new one");
            }
            c.secretRotatedAt = clock.instant();
            c.secretRotatedBy = actor;
            clients.flush();
            return new Issued(c, secret);
        });
    }

    /**
     * Deletes the client in the identity provider (no new tokens from now on) and marks the row REVOKED. Revoking a
     * revoked client changes nothing; a client already gone from the identity provider is marked revoked all the same.
     */
    public void revoke(UUID organizationId, String key, String actor) {
        ApiClient found = inOrganization(organizationId, key);
        if (!found.isActive()) {
            return;
        }
        requireConfigured();
        QuarkusTransaction.requiringNew().timeout(REMOTE_TX_TIMEOUT_SECONDS).run(() -> {
            ApiClient c = clients.lock(found.id).orElseThrow(() -> ProblemException.notFound("API client", key));
            if (!c.isActive()) {
                return; // revoked meanwhile (another replica)
            }
            identityProvider.delete(c.keycloakId);
            c.status = ApiClientStatus.REVOKED;
            c.revokedAt = clock.instant();
            c.revokedBy = actor;
        });
    }

    public String tokenUrl() {
        return identityProvider.tokenUrl();
    }

    private ApiClient inOrganization(UUID organizationId, String key) {
        organization(organizationId);
        ApiClient c = clients.findByKey(key).filter(x -> x.organizationId.equals(organizationId))
                .orElseThrow(() -> ProblemException.notFound("API client", key));
        access.requireMayManageApiClients(parties.activeClusterIds(organizationId));
        return c;
    }

    private Organization organization(UUID id) {
        return organizations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organization", id));
    }

    private void requireConfigured() {
        if (!identityProvider.configured()) {
            throw IdentityProviderUnavailableException.notConfigured();
        }
    }
}
