package org.tic.membership.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.Eligibility;

import java.util.List;
import java.util.UUID;

@Schema(name = "Eligibility", description = "Each TIC criterion, met or not, and why")
public record EligibilityView(UUID applicationId, boolean eligible, List<Eligibility.Check> criteria) {
}
