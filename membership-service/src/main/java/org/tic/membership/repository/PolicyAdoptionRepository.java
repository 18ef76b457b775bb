package org.tic.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.commons.rest.PageRequest;
import org.tic.membership.domain.PolicyAdoption;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PolicyAdoptionRepository implements PanacheRepositoryBase<PolicyAdoption, UUID> {

    public record Page(List<PolicyAdoption> items, long total) {
    }

    public Page search(String country, Sort sort, PageRequest page) {
        var q = country == null ? findAll(sort) : find("country", sort, country);
        return new Page(q.page(page.page(), page.size()).list(), q.count());
    }
}
