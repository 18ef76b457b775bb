package org.tic.membership.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.ClusterParty;
import org.tic.membership.domain.OrganizationKind;
import org.tic.membership.domain.PartyRole;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Party")
public record PartyView(UUID id, UUID organizationId, String organizationName, OrganizationKind organizationKind,
                        PartyRole role, LocalDate since, LocalDate until) {

    public static PartyView of(ClusterParty p) {
        return new PartyView(p.id, p.organization.id, p.organization.name, p.organization.kind, p.role, p.since, p.until);
    }
}
