package org.tic.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.membership.domain.ClusterStatusChange;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClusterStatusChangeRepository implements PanacheRepositoryBase<ClusterStatusChange, UUID> {

    public List<ClusterStatusChange> forCluster(UUID clusterId) {
        return find("clusterId = ?1 order by changedAt, id", clusterId).list();
    }
}
