package org.tic.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.membership.domain.ClusterMerge;

import java.util.UUID;

@ApplicationScoped
public class ClusterMergeRepository implements PanacheRepositoryBase<ClusterMerge, UUID> {
}
