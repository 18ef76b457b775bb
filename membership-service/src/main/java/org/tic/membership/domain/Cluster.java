package org.tic.membership.domain;

import org.tic.commons.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An industrial cluster: a port, energy hub, industrial complex, ... that is (or wants to be) a TIC member. */
@Entity
@Table(name = "cluster")
public class Cluster extends AuditedEntity {

    @Id
    public UUID id;

    /** Stable, URL-friendly name; never reused (unique even after withdrawal or merge). */
    @NotBlank
    @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*")
    @Size(max = 120)
    @Column(nullable = false, unique = true)
    public String slug;

    @NotBlank
    @Size(max = 200)
    @Column(nullable = false)
    public String name;

    @NotNull
    @IsoCountry
    @Column(nullable = false, length = 2)
    public String country;

    @Size(max = 200)
    @Column(name = "subnational_region")
    public String subnationalRegion;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "world_region", nullable = false)
    public WorldRegion worldRegion;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClusterType type;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sectors = new ArrayList<>();

    @Column(name = "coordinator_organization_id")
    public UUID coordinatorOrganizationId;

    @DecimalMin("-90") @DecimalMax("90")
    public Double latitude;

    @DecimalMin("-180") @DecimalMax("180")
    public Double longitude;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClusterStatus status;

    @Size(max = 1000)
    @Column(name = "status_reason")
    public String statusReason;

    /** The day it became a signatory, when known. */
    @Column(name = "joined_date")
    public LocalDate joinedDate;

    /** The year it became a signatory; public sources often give only the year. */
    @Column(name = "joined_year")
    public Integer joinedYear;

    @Column(name = "successor_id")
    public UUID successorId;

    /** Where the public facts about this cluster come from. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sources = new ArrayList<>();
}
