package org.tic.membership.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.Co2ePotential;
import org.tic.membership.domain.DeclaredParty;
import org.tic.membership.domain.JustTransitionEvidence;
import org.tic.membership.domain.StatementOfAmbition;

import java.util.List;
import java.util.UUID;

@Schema(name = "ApplicationRequest", description = "A draft may be incomplete; the criteria are checked on submit "
        + "(and again on approval). GET /applications/{id}/eligibility explains each criterion.")
public record ApplicationRequest(
        @NotNull UUID clusterId,
        @Valid StatementOfAmbition statement,
        @Size(max = 200) List<@NotNull @Valid DeclaredParty> declaredParties,
        @Valid Co2ePotential co2ePotential,
        @Valid JustTransitionEvidence justTransition) {
}
