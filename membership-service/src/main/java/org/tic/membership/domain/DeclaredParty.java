package org.tic.membership.domain;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** An organization the application declares as a party of the cluster, with its intended role. */
public record DeclaredParty(@NotNull UUID organizationId, @NotNull PartyRole role) {
}
