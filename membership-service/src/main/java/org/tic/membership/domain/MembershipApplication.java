package org.tic.membership.domain;

import org.tic.commons.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A cluster's application to join the initiative, checked against the TIC criteria. */
@Entity
@Table(name = "membership_application")
public class MembershipApplication extends AuditedEntity {

    @Id
    public UUID id;

    @NotNull
    @Column(name = "cluster_id", nullable = false)
    public UUID clusterId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    /** Drafts may be incomplete; the criteria are checked on submit. */
    @JdbcTypeCode(SqlTypes.JSON)
    public StatementOfAmbition statement;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "declared_parties", nullable = false)
    public List<DeclaredParty> declaredParties = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "co2e_potential")
    public Co2ePotential co2ePotential;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "just_transition")
    public JustTransitionEvidence justTransition;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;
}
