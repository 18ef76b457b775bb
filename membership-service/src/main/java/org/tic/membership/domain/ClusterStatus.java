package org.tic.membership.domain;

/** Where a cluster stands in the initiative. */
public enum ClusterStatus {
    APPLICANT,
    SIGNATORY,
    SUSPENDED,
    WITHDRAWN,
    /** Became part of a joint cluster; {@code successorId} points to it. */
    MERGED
}
