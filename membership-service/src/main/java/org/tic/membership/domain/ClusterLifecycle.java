package org.tic.membership.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status changes a cluster may go through. Becoming a signatory happens only through an approved
 * application (or when recording an existing member); merging only through a merge.
 */
public final class ClusterLifecycle {

    private static final Map<ClusterStatus, Set<ClusterStatus>> ALLOWED = Map.of(
            ClusterStatus.APPLICANT, EnumSet.of(ClusterStatus.SIGNATORY, ClusterStatus.WITHDRAWN, ClusterStatus.MERGED),
            ClusterStatus.SIGNATORY, EnumSet.of(ClusterStatus.SUSPENDED, ClusterStatus.WITHDRAWN, ClusterStatus.MERGED),
            ClusterStatus.SUSPENDED, EnumSet.of(ClusterStatus.SIGNATORY, ClusterStatus.WITHDRAWN, ClusterStatus.MERGED),
            ClusterStatus.WITHDRAWN, EnumSet.noneOf(ClusterStatus.class),
            ClusterStatus.MERGED, EnumSet.noneOf(ClusterStatus.class));

    private ClusterLifecycle() {
    }

    public static boolean canMove(ClusterStatus from, ClusterStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<ClusterStatus> nextStatuses(ClusterStatus from) {
        return ALLOWED.get(from);
    }

    /** A cluster can take part in a merge (as predecessor or existing successor) while it is not ended. */
    public static boolean canMerge(ClusterStatus status) {
        return status == ClusterStatus.APPLICANT || status == ClusterStatus.SIGNATORY || status == ClusterStatus.SUSPENDED;
    }
}
