package org.tic.membership.mapping;

import org.tic.membership.domain.ClusterStatus;
import org.tic.membership.domain.ClusterStatusChange;

import java.time.Instant;
import java.time.LocalDate;

public record StatusChangeView(ClusterStatus fromStatus, ClusterStatus toStatus, LocalDate effectiveDate, String reason,
                               Instant changedAt, String changedBy) {

    public static StatusChangeView of(ClusterStatusChange c) {
        return new StatusChangeView(c.fromStatus, c.toStatus, c.effectiveDate, c.reason, c.changedAt, c.changedBy);
    }
}
