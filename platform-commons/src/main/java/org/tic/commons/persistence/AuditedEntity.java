package org.tic.commons.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.tic.commons.time.PlatformClock;

/**
 * An aggregate root: audited, and versioned for optimistic locking (the version is also its ETag and event snapshot
 * version).
 */
@MappedSuperclass
public abstract class AuditedEntity extends AuditedRecord {

    @Version
    @Column(nullable = false)
    public long version;

    /** Marks the aggregate changed (bumps its version) when only its children changed, so writers stay serialised. */
    public void touch(String actor) {
        updatedAt = PlatformClock.now();
        updatedBy = actor;
    }
}
