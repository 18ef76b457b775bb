package org.tic.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Read model: the latest snapshot of a membership-service cluster seen on {@code membership.events}. Written only
 * by the event consumer (version-gated upsert), never by the API.
 */
@Entity
@Table(name = "cluster_snapshot")
public class ClusterSnapshot extends ReplicatedSnapshot {

    public static final String SIGNATORY = "SIGNATORY";
    public static final String MERGED = "MERGED";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String country;

    @Column(name = "subnational_region")
    public String subnationalRegion;

    @Column(name = "world_region")
    public String worldRegion;

    public String type;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sectors = new ArrayList<>();

    @Column(name = "coordinator_organization_id")
    public UUID coordinatorOrganizationId;

    public Double latitude;

    public Double longitude;

    /** APPLICANT, SIGNATORY, SUSPENDED, WITHDRAWN or MERGED (kept as text, see the migration). */
    @Column(nullable = false)
    public String status;

    @Column(name = "joined_date")
    public LocalDate joinedDate;

    @Column(name = "joined_year")
    public Integer joinedYear;

    @Column(name = "successor_id")
    public UUID successorId;

    public boolean isSignatory() {
        return SIGNATORY.equals(status);
    }
}
