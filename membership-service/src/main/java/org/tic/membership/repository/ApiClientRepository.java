package org.tic.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageTotals;
import org.tic.membership.domain.ApiClient;
import org.tic.membership.domain.ApiClientStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiClientRepository implements PanacheRepositoryBase<ApiClient, UUID> {

    @Inject
    PageTotals totals;

    public record Page(List<ApiClient> items, PageTotals.Total total) {
    }

    /** An organization's clients, newest first (revoked ones too: their status says so). */
    public Page forOrganization(UUID organizationId, PageRequest page) {
        var q = find("organizationId", Sort.descending("createdAt").and("id"), organizationId);
        var items = q.page(page.page(), page.size()).list();
        return new Page(items, totals.total(Arrays.asList("api-clients", organizationId), page, items.size(), q::count));
    }

    /** By our id, or by the identity provider's client id when the key is not a UUID. */
    public Optional<ApiClient> findByKey(String key) {
        try {
            return findByIdOptional(UUID.fromString(key));
        } catch (IllegalArgumentException notUuid) {
            return find("clientId", key).firstResultOptional();
        }
    }

    /** The row, locked until the transaction ends: rotations and revocations of one client run one at a time. */
    public Optional<ApiClient> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public long countActive(UUID organizationId) {
        return count("organizationId = ?1 and status = ?2", organizationId, ApiClientStatus.ACTIVE);
    }

    public long deleteRevoked(UUID organizationId) {
        return delete("organizationId = ?1 and status = ?2", organizationId, ApiClientStatus.REVOKED);
    }
}
