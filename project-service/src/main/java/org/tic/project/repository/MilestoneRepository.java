package org.tic.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.project.domain.Milestone;
import org.tic.project.domain.MilestoneType;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepositoryBase<Milestone, UUID> {

    /** In life-cycle order (the enum's order). */
    public List<Milestone> ofProject(UUID projectId) {
        return list("projectId", projectId).stream().sorted(Comparator.comparing(m -> m.type)).toList();
    }

    public Optional<Milestone> find(UUID projectId, MilestoneType type) {
        return find("projectId = ?1 and type = ?2", projectId, type).firstResultOptional();
    }
}
