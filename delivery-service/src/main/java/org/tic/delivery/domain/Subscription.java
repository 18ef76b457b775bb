package org.tic.delivery.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A webhook subscription: where to deliver, which changes, with whose rights, and how it fares. */
public record Subscription(UUID id, String url, String description, Set<String> types, Set<String> baseTypes,
                           Set<UUID> clusters, Set<UUID> projects, Viewer reader, UUID organizationId,
                           String ownerSubject, String secret, String previousSecret, Instant previousSecretUntil,
                           Status status, String disabledReason, Instant disabledAt, Instant failingSince,
                           long feedPosition, Instant createdAt, Instant updatedAt, long version) {

    public enum Status { ACTIVE, DISABLED }

    /** The secrets a delivery is signed with now: the current one, and the previous one until it expires. */
    public List<String> signingSecrets(Instant now) {
        List<String> s = new ArrayList<>(2);
        s.add(secret);
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            s.add(previousSecret);
        }
        return s;
    }

    /** New receiver and filters; rights, owner, secrets, status and feed position stay. */
    public Subscription withTarget(String url, String description, Set<String> types, Set<String> baseTypes,
                                   Set<UUID> clusters, Set<UUID> projects, Instant now) {
        return new Subscription(id, url, description, types, baseTypes, clusters, projects, reader, organizationId,
                ownerSubject, secret, previousSecret, previousSecretUntil, status, disabledReason, disabledAt, failingSince,
                feedPosition, createdAt, now, version + 1);
    }

    /** A new current secret; the old one still signs until {@code previousUntil}. */
    public Subscription withSecret(String newSecret, Instant previousUntil, Instant now) {
        return new Subscription(id, url, description, types, baseTypes, clusters, projects, reader, organizationId,
                ownerSubject, newSecret, secret, previousUntil, status, disabledReason, disabledAt, failingSince,
                feedPosition, createdAt, now, version + 1);
    }

    /** Active again, its failure streak forgotten. */
    public Subscription enabled(Instant now) {
        return new Subscription(id, url, description, types, baseTypes, clusters, projects, reader, organizationId,
                ownerSubject, secret, previousSecret, previousSecretUntil, Status.ACTIVE, null, null, null,
                feedPosition, createdAt, now, version + 1);
    }

    /** The feed query that finds this subscription's next changes. */
    public ChangeQuery nextChanges(int limit) {
        return new ChangeQuery(feedPosition, new TypeFilter.Parsed(types, baseTypes, List.of()), clusters, projects,
                reader, limit);
    }
}
