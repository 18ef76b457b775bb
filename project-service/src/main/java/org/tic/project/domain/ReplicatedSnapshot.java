package org.tic.project.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * What every read-model row copied from another service's events records about its source: that service's version
 * (the upsert keeps the higher one; not a lock of this table), its timestamps, and the event it last came from.
 */
@MappedSuperclass
public abstract class ReplicatedSnapshot extends PanacheEntityBase {

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
