package org.tic.membership.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a cluster's status history (append-only). */
@Entity
@Table(name = "cluster_status_change")
public class ClusterStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cluster_id", nullable = false)
    public UUID clusterId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ClusterStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ClusterStatus toStatus;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    public String reason;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;
}
