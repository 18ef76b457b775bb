package org.tic.project.domain;

import java.util.UUID;

/**
 * A partner organization and its role. {@code organizationId} refers to the organization read model when the
 * organization is known to membership-service; otherwise only the name is recorded.
 */
public record Partner(UUID organizationId, String name, PartnerRole role, String note) {
}
