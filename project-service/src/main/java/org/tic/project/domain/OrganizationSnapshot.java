package org.tic.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read model: the latest snapshot of a membership-service organization, or its tombstone once deleted. */
@Entity
@Table(name = "organization_snapshot")
public class OrganizationSnapshot extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String kind;

    public String country;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> sectors = new ArrayList<>();

    public String website;

    @Column(nullable = false)
    public boolean deleted;

    @Column(nullable = false)
    public long version;

    @Column(name = "source_created_at")
    public Instant sourceCreatedAt;

    @Column(name = "source_updated_at")
    public Instant sourceUpdatedAt;

    @Column(name = "last_event_id", nullable = false)
    public UUID lastEventId;

    @Column(name = "last_event_type", nullable = false)
    public String lastEventType;

    @Column(name = "synced_at", nullable = false)
    public Instant syncedAt;
}
