package org.tic.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tic.commons.persistence.Like;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageTotals;
import org.tic.membership.domain.Cluster;
import org.tic.membership.domain.ClusterStatus;
import org.tic.membership.domain.ClusterType;
import org.tic.membership.domain.WorldRegion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ClusterRepository implements PanacheRepositoryBase<Cluster, UUID> {

    @Inject
    PageTotals totals;

    public record Filter(ClusterStatus status, String country, WorldRegion region, ClusterType type, String sector,
                         LocalDate joinedAfter, LocalDate joinedBefore, String nameContains) {
    }

    public record Page(List<Cluster> items, PageTotals.Total total) {
    }

    public Optional<Cluster> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    public Page search(Filter f, Sort sort, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.country() != null) {
            where.add("country = :country");
            params.and("country", f.country());
        }
        if (f.region() != null) {
            where.add("worldRegion = :region");
            params.and("region", f.region());
        }
        if (f.type() != null) {
            where.add("type = :type");
            params.and("type", f.type());
        }
        if (f.sector() != null && !f.sector().isBlank()) {
            where.add("array_contains(sectors, :sector)");
            params.and("sector", f.sector().trim().toLowerCase(Locale.ROOT));
        }
        // A join known only by its year counts as joined on 31 December of that year (never earlier than true).
        if (f.joinedAfter() != null) {
            where.add("(joinedDate >= :after or (joinedDate is null and joinedYear >= :afterYear))");
            params.and("after", f.joinedAfter()).and("afterYear", f.joinedAfter().getYear());
        }
        if (f.joinedBefore() != null) {
            where.add("(joinedDate <= :before or (joinedDate is null and joinedYear < :beforeYear))");
            params.and("before", f.joinedBefore()).and("beforeYear", f.joinedBefore().getYear());
        }
        if (f.nameContains() != null && !f.nameContains().isBlank()) {
            where.add("lower(name) like :name escape '\\'");
            params.and("name", "%" + Like.escape(f.nameContains().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        String query = String.join(" and ", where);
        var q = query.isEmpty() ? findAll(sort) : find(query, sort, params);
        var items = q.page(page.page(), page.size()).list();
        return new Page(items, totals.total(Arrays.asList("clusters", f), page, items.size(), q::count));
    }
}
