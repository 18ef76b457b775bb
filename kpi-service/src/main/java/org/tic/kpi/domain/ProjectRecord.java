package org.tic.kpi.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** kpi-service's copy of a project (latest snapshot from project.events). */
@Entity
@Table(name = "project_record")
public class ProjectRecord extends PanacheEntityBase {

    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String category;

    public String stage;

    @Column(name = "stage_date")
    public LocalDate stageDate;

    @Column(name = "fid_date")
    public LocalDate fidDate;

    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    @Column(name = "capacity_value")
    public BigDecimal capacityValue;

    @Column(name = "capacity_unit")
    public String capacityUnit;

    @Column(name = "co2e_value")
    public BigDecimal co2eValue;

    @Column(name = "co2e_unit")
    public String co2eUnit;

    @Column(name = "co2e_metric_type")
    public String co2eMetricType;

    @Column(name = "lead_cluster_id")
    public UUID leadClusterId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "participating_cluster_ids", nullable = false)
    public List<UUID> participatingClusterIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> countries = new ArrayList<>();

    @Column(nullable = false)
    public boolean corridor;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Lead and participating clusters, lead first. */
    public Set<UUID> clusterIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        if (leadClusterId != null) {
            ids.add(leadClusterId);
        }
        ids.addAll(participatingClusterIds);
        return ids;
    }

    public RollupCalculator.ProjectInfo info() {
        return new RollupCalculator.ProjectInfo(id, name, category, stage, clusterIds(), cancelledOn);
    }
}
