package org.tic.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.commons.rest.PageRequest;
import org.tic.project.domain.StageTransition;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StageTransitionRepository implements PanacheRepositoryBase<StageTransition, UUID> {

    public record Page(List<StageTransition> items, long total) {
    }

    public Page history(UUID projectId, PageRequest page) {
        var q = find("projectId", Sort.by("sequence"), projectId);
        return new Page(q.page(page.page(), page.size()).list(), q.count());
    }

    public int lastSequence(UUID projectId) {
        Integer max = getEntityManager()
                .createQuery("select max(t.sequence) from StageTransition t where t.projectId = :p", Integer.class)
                .setParameter("p", projectId).getSingleResult();
        return max == null ? 0 : max;
    }

    /** The latest dated move: a new move may not be dated before it. */
    public LocalDate lastDate(UUID projectId) {
        return getEntityManager()
                .createQuery("select max(t.date) from StageTransition t where t.projectId = :p", LocalDate.class)
                .setParameter("p", projectId).getSingleResult();
    }
}
