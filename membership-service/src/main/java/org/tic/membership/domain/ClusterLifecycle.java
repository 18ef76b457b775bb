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

    /** Only an applicant applies (an open application is one more rule, checked against the stored ones). */
    public static boolean mayApply(ClusterStatus status) {
        return status == ClusterStatus.APPLICANT;
    }

    /** A cluster that joined before the platform is recorded as a signatory from the applicant state only. */
    public static boolean mayBeRecordedAsExistingMember(ClusterStatus status) {
        return status == ClusterStatus.APPLICANT;
    }

    /** Parties change while the cluster lives on; a merged or withdrawn cluster's parties are history. */
    public static boolean partiesMayChange(ClusterStatus status) {
        return status != ClusterStatus.MERGED && status != ClusterStatus.WITHDRAWN;
    }

    /** A cluster can take part in a merge (as predecessor or existing successor) while it is not ended. */
    public static boolean canMerge(ClusterStatus status) {
        return status == ClusterStatus.APPLICANT || status == ClusterStatus.SIGNATORY || status == ClusterStatus.SUSPENDED;
    }
}
