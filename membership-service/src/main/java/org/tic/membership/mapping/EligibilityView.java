package org.tic.membership.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.Eligibility;

import java.util.List;
import java.util.UUID;

@Schema(name = "Eligibility", description = "Each TIC criterion, met or not, and why")
public record EligibilityView(@Schema(example = "3f2b8c1e-5d4a-4e8b-9c71-2a6d0f9e4b13") UUID applicationId,
                              @Schema(description = "Whether every criterion is met", example = "false") boolean eligible,
                              @Schema(example = "[{\"criterion\": \"PARTIES\", \"description\": \"At least three parties: three "
                                      + "companies, or two companies and one government body\", \"met\": false, "
                                      + "\"explanation\": \"2 parties (2 companies, 0 government bodies): fewer than three parties\"}]")
                              List<Eligibility.Check> criteria) {
}
