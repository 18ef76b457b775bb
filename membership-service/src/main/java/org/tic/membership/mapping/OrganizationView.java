package org.tic.membership.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.OrganizationKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Organization")
public record OrganizationView(
        UUID id,
        @Schema(example = "Eni UK Ltd") String name,
        OrganizationKind kind,
        @Schema(example = "GB") String country,
        List<String> sectors,
        String website,
        @Schema(description = "Optimistic-lock version; also the ETag") long version,
        Instant createdAt,
        Instant updatedAt) {
}
