package org.tic.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.tic.commons.persistence.Like;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageTotals;
import org.tic.project.domain.Project;
import org.tic.project.domain.ProjectCategory;
import org.tic.project.domain.Stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    @Inject
    PageTotals totals;

    /**
     * List filters. {@code cluster} matches the lead or a participating cluster, including clusters since merged
     * into it (references are kept and resolved through the successor link).
     */
    public record Filter(UUID cluster, String country, ProjectCategory category, Stage stage, Integer fidYear,
                         Boolean corridor, String nameContains) {
    }

    public record Page(List<Project> items, PageTotals.Total total) {
    }

    /** API sort field → SQL expression (an allow-list: user text never reaches the SQL). */
    public static final Map<String, String> SORTABLE;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "lower(p.name)");
        // main-line order rather than alphabetical
        m.put("stage", "array_position(cast(array[" + java.util.Arrays.stream(Stage.values())
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(",")) + "] as varchar[]), p.stage)");
        m.put("stageDate", "p.stage_date");
        m.put("fidDate", "p.fid_date");
        m.put("category", "p.category");
        m.put("createdAt", "p.created_at");
        m.put("updatedAt", "p.updated_at");
        SORTABLE = Map.copyOf(m);
    }

    private final EntityManager em;

    public ProjectRepository(EntityManager em) {
        this.em = em;
    }

    public Page search(Filter f, Sort sort, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        String with = "";
        if (f.cluster() != null) {
            with = """
                    with recursive lineage(id) as (
                        select cast(:cluster as uuid)
                        union
                        select c.id from cluster_snapshot c join lineage l on c.successor_id = l.id)
                    """;
            where.add("(p.lead_cluster_id in (select id from lineage) "
                    + "or p.participating_cluster_ids && array(select id from lineage))");
            params.put("cluster", f.cluster());
        }
        if (f.country() != null) {
            where.add("cast(:country as text) = any(p.countries)");
            params.put("country", f.country());
        }
        if (f.category() != null) {
            where.add("p.category = :category");
            params.put("category", f.category().name());
        }
        if (f.stage() != null) {
            where.add("p.stage = :stage");
            params.put("stage", f.stage().name());
        }
        if (f.fidYear() != null) {
            where.add("p.fid_date >= :fidFrom and p.fid_date < :fidTo");
            params.put("fidFrom", LocalDate.of(f.fidYear(), 1, 1));
            params.put("fidTo", LocalDate.of(f.fidYear() + 1, 1, 1));
        }
        if (f.corridor() != null) {
            where.add("p.corridor = :corridor");
            params.put("corridor", f.corridor());
        }
        if (f.nameContains() != null && !f.nameContains().isBlank()) {
            where.add("lower(p.name) like :name escape '\\'");
            params.put("name", "%" + Like.escape(f.nameContains().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        String whereSql = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        String orderSql = " order by " + sort.getColumns().stream()
                .map(c -> c.getName() + (c.getDirection() == Sort.Direction.Descending ? " desc" : " asc") + " nulls last")
                .collect(Collectors.joining(", "));

        Query select = em.createNativeQuery(with + "select p.* from project p" + whereSql + orderSql
                + " limit :limit offset :offset", Project.class);
        Query count = em.createNativeQuery(with + "select count(*) from project p" + whereSql, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        select.setParameter("limit", page.size());
        select.setParameter("offset", page.offset());
        @SuppressWarnings("unchecked")
        List<Project> items = select.getResultList();
        return new Page(items, totals.total(Arrays.asList("projects", f), page, items.size(),
                () -> ((Number) count.getSingleResult()).longValue()));
    }

    /** Another project of the lead cluster with this name (case-insensitive), if any. */
    public Optional<Project> findByLeadAndName(UUID leadClusterId, String name, UUID excludeId) {
        return find("leadClusterId = ?1 and lower(name) = ?2 and id <> ?3", leadClusterId,
                name.trim().toLowerCase(Locale.ROOT), excludeId == null ? new UUID(0, 0) : excludeId)
                .firstResultOptional();
    }

    /** Every corridor project, by name (the map draws them all). */
    public List<Project> corridors() {
        return list("corridor = true order by name, id");
    }
}
