package org.tic.commons.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.tic.commons.time.PlatformClock;

import java.time.Instant;

/** Who and when for every stored record, aggregate root or child (e.g. a milestone). */
@MappedSuperclass
public abstract class AuditedRecord extends PanacheEntityBase {

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
        createdAt = PlatformClock.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = PlatformClock.now();
    }
}
