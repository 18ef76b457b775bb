package org.tic.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageTotals;
import org.tic.membership.domain.PolicyAdoption;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PolicyAdoptionRepository implements PanacheRepositoryBase<PolicyAdoption, UUID> {

    @Inject
    PageTotals totals;

    public record Page(List<PolicyAdoption> items, PageTotals.Total total) {
    }

    public Page search(String country, Sort sort, PageRequest page) {
        var q = country == null ? findAll(sort) : find("country", sort, country);
        var items = q.page(page.page(), page.size()).list();
        return new Page(items, totals.total(Arrays.asList("policy-adoptions", country), page, items.size(), q::count));
    }
}
