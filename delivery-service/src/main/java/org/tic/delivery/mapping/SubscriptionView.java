package org.tic.delivery.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.delivery.domain.Subscription;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Subscription", description = "A webhook subscription")
public record SubscriptionView(
        UUID id, String url, String description,
        @Schema(description = "The event types it receives (prefixes expanded; empty: every type)") List<String> types,
        List<UUID> clusters, List<UUID> projects, UUID organizationId, String owner,
        @Schema(enumeration = {"ACTIVE", "DISABLED"}) String status,
        @Schema(description = "Why it was disabled (deliveries failing for a day), with the last error") String disabledReason,
        Instant disabledAt,
        @Schema(description = "Since when its deliveries fail (null while they succeed)") Instant failingSince,
        @Schema(description = "Only in the answer that created or rotated it: keep it, it is not shown again",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
        @Schema(description = "Until when the previous secret also signs deliveries (after a rotation)") Instant previousSecretValidUntil,
        Instant createdAt, Instant updatedAt, long version) {

    public static SubscriptionView of(Subscription s, boolean withSecret, Instant now) {
        TreeSet<String> types = new TreeSet<>(s.types());
        types.addAll(s.baseTypes());
        Instant previousUntil = s.previousSecretUntil() != null && now.isBefore(s.previousSecretUntil()) ? s.previousSecretUntil() : null;
        return new SubscriptionView(s.id(), s.url(), s.description(), List.copyOf(types), List.copyOf(s.clusters()),
                List.copyOf(s.projects()), s.organizationId(), s.ownerSubject(), s.status().name(), s.disabledReason(),
                s.disabledAt(), s.failingSince(), withSecret ? s.secret() : null, previousUntil, s.createdAt(),
                s.updatedAt(), s.version());
    }
}
