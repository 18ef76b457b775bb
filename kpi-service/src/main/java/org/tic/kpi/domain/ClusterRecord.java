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

/** kpi-service's copy of a cluster (latest snapshot from membership.events); its status history is separate. */
@Entity
@Table(name = "cluster_record")
public class ClusterRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;

    @Column(nullable = false)
    public String name;

    public String country;

    @Column(name = "subnational_region")
    public String subnationalRegion;

    @Column(name = "world_region")
    public String worldRegion;

    public String type;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sectors = new ArrayList<>();

    @Column(nullable = false)
    public String status;

    @Column(name = "joined_date")
    public LocalDate joinedDate;

    @Column(name = "joined_year")
    public Integer joinedYear;

    @Column(name = "successor_id")
    public UUID successorId;

    /** The membership-service version of the snapshot held; only a higher one replaces it. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public RollupCalculator.ClusterInfo info() {
        return new RollupCalculator.ClusterInfo(id, name, country, worldRegion, type, List.copyOf(sectors),
                joinedYear != null ? joinedYear : joinedDate != null ? Integer.valueOf(joinedDate.getYear()) : null);
    }
}
