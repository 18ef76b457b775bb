package org.tic.membership.domain;

public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    UNDER_REVIEW,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    public boolean isOpen() {
        return this == DRAFT || this == SUBMITTED || this == UNDER_REVIEW;
    }
}
