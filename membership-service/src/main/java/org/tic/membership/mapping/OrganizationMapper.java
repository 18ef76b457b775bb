package org.tic.membership.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.membership.domain.Organization;

import java.util.List;

/** API model ↔ entity, explicitly. */
@ApplicationScoped
public class OrganizationMapper {

    public OrganizationView toView(Organization o) {
        return new OrganizationView(o.id, o.name, o.kind, o.country, List.copyOf(o.sectors), o.website, o.version,
                o.createdAt, o.updatedAt);
    }

    public void apply(OrganizationRequest r, Organization o) {
        o.name = r.name().trim();
        o.kind = r.kind();
        o.country = r.country();
        o.sectors = Sectors.normalise(r.sectors());
        o.website = r.website();
    }
}
