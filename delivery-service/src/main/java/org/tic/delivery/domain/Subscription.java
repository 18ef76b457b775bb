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

    /** The feed query that finds this subscription's next changes. */
    public ChangeQuery nextChanges(int limit) {
        return new ChangeQuery(feedPosition, new TypeFilter.Parsed(types, baseTypes, List.of()), clusters, projects,
                reader, limit);
    }
}
