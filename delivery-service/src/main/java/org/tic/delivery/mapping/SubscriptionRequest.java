package org.tic.delivery.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "SubscriptionRequest", description = "Where to deliver and which changes. Filters as in the change feed; "
        + "none means every change the subscriber may read.")
public record SubscriptionRequest(
        @Schema(description = "The receiver: https, resolving to a public address (production)",
                example = "https://partner.example.org/tic/webhooks") String url,
        @Schema(description = "Event types: exact, any version, or a prefix such as tic.project.*; at most 50",
                example = "[\"tic.membership.cluster.*\", \"tic.project.project.reached-fid\"]") List<String> types,
        @Schema(description = "Only changes concerning these clusters (at most 100)") List<UUID> clusters,
        @Schema(description = "Only changes concerning these projects (at most 100)") List<UUID> projects,
        @Schema(description = "Free text for the owner", example = "Our CRM sync") String description,
        @Schema(description = "Secretariat only: register it for this partner organization; deliveries then carry what "
                + "a partner may read") UUID organizationId) {
}
