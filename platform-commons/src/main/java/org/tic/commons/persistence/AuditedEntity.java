package org.tic.commons.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import java.time.Instant;

/** Optimistic locking and who/when for every aggregate root (the version is also its ETag and event snapshot version). */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_by")
    public String updatedBy;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    /** Marks the aggregate changed (bumps its version) when only its children changed, so writers stay serialised. */
    public void touch(String actor) {
        updatedAt = Instant.now();
        updatedBy = actor;
    }
}
