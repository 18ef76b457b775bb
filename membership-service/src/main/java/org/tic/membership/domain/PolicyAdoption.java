package org.tic.membership.domain;

import org.tic.commons.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A country (and government body) adopting the TIC framework or a related policy. */
@Entity
@Table(name = "policy_adoption")
public class PolicyAdoption extends AuditedEntity {

    public enum Kind { TIC_FRAMEWORK, NATIONAL_AGENDA, RELATED_POLICY }

    @Id
    public UUID id;

    @Column(nullable = false, length = 2)
    public String country;

    @Column(name = "government_body")
    public String governmentBody;

    @Column(name = "government_organization_id")
    public UUID governmentOrganizationId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "adopted_on", nullable = false)
    public LocalDate adoptedOn;

    public String scope;

    @Column(name = "source_url")
    public String sourceUrl;

    /** Clusters of this country the adoption concerns (checked against the cluster register). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cluster_ids", nullable = false)
    public List<UUID> clusterIds = new ArrayList<>();

    /** Projects it concerns: project-service's ids, kept as references (this service does not know projects). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "project_ids", nullable = false)
    public List<UUID> projectIds = new ArrayList<>();
}
