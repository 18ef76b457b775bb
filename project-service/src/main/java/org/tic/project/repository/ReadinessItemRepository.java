package org.tic.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.project.domain.ReadinessItem;
import org.tic.project.domain.ReadinessItemKey;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReadinessItemRepository implements PanacheRepositoryBase<ReadinessItem, UUID> {

    public List<ReadinessItem> ofProject(UUID projectId) {
        return list("projectId", projectId);
    }

    public List<ReadinessItem> ofProjects(Collection<UUID> projectIds) {
        return projectIds.isEmpty() ? List.of() : list("projectId in ?1", projectIds);
    }

    public Optional<ReadinessItem> find(UUID projectId, ReadinessItemKey item) {
        return find("projectId = ?1 and item = ?2", projectId, item).firstResultOptional();
    }
}
