package org.tic.bench.spring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The same row membership-service serves: every column of its {@code cluster} table, read-only. */
@Entity
@Immutable
@Table(name = "cluster")
public class Cluster {

    @Id
    public UUID id;
    public String slug;
    public String name;
    public String country;
    @Column(name = "subnational_region")
    public String subnationalRegion;
    @Column(name = "world_region")
    public String worldRegion;
    public String type;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> sectors;
    @Column(name = "coordinator_organization_id")
    public UUID coordinatorOrganizationId;
    public Double latitude;
    public Double longitude;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "joined_date")
    public LocalDate joinedDate;
    @Column(name = "joined_year")
    public Integer joinedYear;
    @Column(name = "successor_id")
    public UUID successorId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> sources;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
