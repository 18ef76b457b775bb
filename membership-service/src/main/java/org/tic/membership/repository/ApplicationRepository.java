package org.tic.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageTotals;
import org.tic.membership.domain.ApplicationStatus;
import org.tic.membership.domain.MembershipApplication;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<MembershipApplication, UUID> {

    @Inject
    PageTotals totals;

    public record Page(List<MembershipApplication> items, PageTotals.Total total) {
    }

    public boolean hasOpenApplication(UUID clusterId) {
        return count("clusterId = ?1 and status in ?2", clusterId,
                List.of(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW)) > 0;
    }

    public Page search(List<UUID> clusterIds, ApplicationStatus status, Sort sort, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (clusterIds != null) {
            where.add("clusterId in :clusters");
            params.and("clusters", clusterIds);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        String query = String.join(" and ", where);
        var q = query.isEmpty() ? findAll(sort) : find(query, sort, params);
        var items = q.page(page.page(), page.size()).list();
        return new Page(items, totals.total(Arrays.asList("applications", clusterIds, status), page, items.size(), q::count));
    }
}
