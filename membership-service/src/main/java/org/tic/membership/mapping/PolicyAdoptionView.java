package org.tic.membership.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.PolicyAdoption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "PolicyAdoption")
public record PolicyAdoptionView(UUID id, String country, String governmentBody, UUID governmentOrganizationId,
                                 String title, PolicyAdoption.Kind kind, LocalDate adoptedOn, String scope,
                                 String sourceUrl, List<UUID> clusterIds, List<UUID> projectIds, long version,
                                 Instant createdAt, Instant updatedAt) {

    public static PolicyAdoptionView of(PolicyAdoption p) {
        return new PolicyAdoptionView(p.id, p.country, p.governmentBody, p.governmentOrganizationId, p.title, p.kind,
                p.adoptedOn, p.scope, p.sourceUrl, List.copyOf(p.clusterIds), List.copyOf(p.projectIds), p.version,
                p.createdAt, p.updatedAt);
    }
}
