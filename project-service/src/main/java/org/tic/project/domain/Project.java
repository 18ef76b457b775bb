package org.tic.project.domain;

import org.tic.commons.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A joint decarbonization project led by one cluster, possibly spanning others (a corridor). */
@Entity
@Table(name = "project")
public class Project extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectCategory category;

    /** As recorded; after a merge it still names the predecessor and is resolved through its successor link. */
    @Column(name = "lead_cluster_id", nullable = false)
    public UUID leadClusterId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "participating_cluster_ids", nullable = false)
    public List<UUID> participatingClusterIds = new ArrayList<>();

    /** Derived from the clusters whenever the project is written (see {@link Corridors}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> countries = new ArrayList<>();

    @Column(nullable = false)
    public boolean corridor;

    @Column(name = "origin_cluster_id")
    public UUID originClusterId;

    /** Corridors only: what it carries and how (null when not given). */
    @Enumerated(EnumType.STRING)
    @Column(name = "corridor_commodity")
    public CorridorCommodity corridorCommodity;

    @Enumerated(EnumType.STRING)
    @Column(name = "corridor_transport_mode")
    public TransportMode corridorTransportMode;

    @Column(name = "destination_cluster_id")
    public UUID destinationClusterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    @Column(name = "stage_date")
    public LocalDate stageDate;

    /** Set only while ON_HOLD: the stage to resume to. */
    @Enumerated(EnumType.STRING)
    @Column(name = "held_stage")
    public Stage heldStage;

    /** The FID milestone's actual date (set by the move to FID when not recorded before). */
    @Column(name = "fid_date")
    public LocalDate fidDate;

    @Embedded
    public Capacity capacity;

    @Embedded
    public Co2eEstimate estimatedCo2eReduction;

    @Embedded
    public Capex capex;

    @Embedded
    public Funding funding;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "funding_sources", nullable = false)
    public List<FundingSource> fundingSources = new ArrayList<>();

    @Column(name = "business_model")
    public String businessModel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Partner> partners = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "external_refs", nullable = false)
    public List<ExternalRef> externalRefs = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SourceLink> sources = new ArrayList<>();

    /** Lead first, then the participating clusters in their order, without repeats. */
    public List<UUID> clusterIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(leadClusterId);
        ids.addAll(participatingClusterIds);
        return List.copyOf(ids);
    }
}
