package org.tic.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.membership.domain.ClusterParty;
import org.tic.membership.domain.PartyRole;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClusterPartyRepository implements PanacheRepositoryBase<ClusterParty, UUID> {

    public List<ClusterParty> forCluster(UUID clusterId, boolean includeEnded) {
        String q = "from ClusterParty p join fetch p.organization where p.clusterId = ?1"
                + (includeEnded ? "" : " and p.until is null") + " order by p.createdAt, p.id";
        return find(q, clusterId).list();
    }

    /** Clusters the organization is an active party of (in any role), in a stable order. */
    public List<UUID> activeClusterIds(UUID organizationId) {
        return getEntityManager().createQuery("select distinct p.clusterId from ClusterParty p "
                        + "where p.organization.id = :org and p.until is null order by p.clusterId", UUID.class)
                .setParameter("org", organizationId).getResultList();
    }

    public boolean isActive(UUID clusterId, UUID organizationId, PartyRole role) {
        return count("clusterId = ?1 and organization.id = ?2 and role = ?3 and until is null", clusterId, organizationId,
                role) > 0;
    }
}
