package org.tic.kpi.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** kpi-service's copy of a policy adoption (latest snapshot from membership.events). */
@Entity
@Table(name = "policy_adoption_record")
public class PolicyAdoptionRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String country;

    /** TIC_FRAMEWORK, NATIONAL_AGENDA or RELATED_POLICY (kept as text: membership may add kinds). */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "adopted_on", nullable = false)
    public LocalDate adoptedOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cluster_ids", nullable = false)
    public List<UUID> clusterIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "project_ids", nullable = false)
    public List<UUID> projectIds = new ArrayList<>();

    /** membership-service's version of the adoption (not a lock of this table). */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public PolicyLevel.Adoption adoption() {
        return new PolicyLevel.Adoption(id, country, kind, title, adoptedOn, List.copyOf(clusterIds), List.copyOf(projectIds));
    }
}
