package org.tic.membership.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.ApplicationStatus;
import org.tic.membership.domain.Co2ePotential;
import org.tic.membership.domain.DeclaredParty;
import org.tic.membership.domain.JustTransitionEvidence;
import org.tic.membership.domain.MembershipApplication;
import org.tic.membership.domain.StatementOfAmbition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Application")
public record ApplicationView(UUID id, UUID clusterId, ApplicationStatus status, StatementOfAmbition statement,
                              List<DeclaredParty> declaredParties, Co2ePotential co2ePotential,
                              JustTransitionEvidence justTransition, String decisionReason, Instant submittedAt,
                              Instant decidedAt, String decidedBy, long version, Instant createdAt, Instant updatedAt) {

    public static ApplicationView of(MembershipApplication a) {
        return new ApplicationView(a.id, a.clusterId, a.status, a.statement, List.copyOf(a.declaredParties), a.co2ePotential,
                a.justTransition, a.decisionReason, a.submittedAt, a.decidedAt, a.decidedBy, a.version, a.createdAt,
                a.updatedAt);
    }

    /** What goes into events: the decision-relevant facts, not the full statement text. */
    public record Summary(UUID id, UUID clusterId, ApplicationStatus status, int declaredParties, Co2ePotential co2ePotential,
                          Instant submittedAt, Instant decidedAt, long version) {
        public static Summary of(MembershipApplication a) {
            return new Summary(a.id, a.clusterId, a.status, a.declaredParties.size(), a.co2ePotential, a.submittedAt,
                    a.decidedAt, a.version);
        }
    }
}
