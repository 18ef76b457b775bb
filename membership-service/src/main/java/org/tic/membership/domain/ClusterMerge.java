package org.tic.membership.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** Two or more clusters became one joint cluster (the successor) on the effective date. */
@Entity
@Table(name = "cluster_merge")
public class ClusterMerge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "successor_id", nullable = false)
    public UUID successorId;

    @ElementCollection
    @CollectionTable(name = "cluster_merge_predecessor", joinColumns = @JoinColumn(name = "merge_id"))
    @Column(name = "cluster_id")
    public Set<UUID> predecessorIds = new LinkedHashSet<>();

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
