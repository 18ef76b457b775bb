package org.tic.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tic.commons.persistence.Like;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageTotals;
import org.tic.membership.domain.Organization;
import org.tic.membership.domain.OrganizationKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    @Inject
    PageTotals totals;

    public record Page(List<Organization> items, PageTotals.Total total) {
    }

    public Page search(OrganizationKind kind, String country, String nameContains, Sort sort, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (country != null) {
            where.add("country = :country");
            params.and("country", country);
        }
        if (nameContains != null && !nameContains.isBlank()) {
            where.add("lower(name) like :name escape '\\'");
            params.and("name", "%" + Like.escape(nameContains.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        String query = String.join(" and ", where);
        var q = query.isEmpty() ? findAll(sort) : find(query, sort, params);
        List<Organization> items = q.page(page.page(), page.size()).list();
        return new Page(items, totals.total(Arrays.asList("organizations", kind, country, nameContains), page, items.size(), q::count));
    }
}
