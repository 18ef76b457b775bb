package org.tic.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageTotals;
import org.tic.project.domain.StageTransition;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StageTransitionRepository implements PanacheRepositoryBase<StageTransition, UUID> {

    @Inject
    PageTotals totals;

    public record Page(List<StageTransition> items, PageTotals.Total total) {
    }

    public Page history(UUID projectId, PageRequest page) {
        var q = find("projectId", Sort.by("sequence"), projectId);
        var items = q.page(page.page(), page.size()).list();
        return new Page(items, totals.total(Arrays.asList("stage-history", projectId), page, items.size(), q::count));
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
