package org.tic.membership.domain;

import org.tic.commons.rules.RuleViolation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a merge needs before anything changes: either an existing successor or a new joint cluster, at least two
 * distinct clusters becoming one, and only clusters whose status allows it (see {@link ClusterLifecycle#canMerge}).
 */
public final class MergeRules {

    private MergeRules() {
    }

    /**
     * The distinct predecessors of a merge. An existing successor may be listed among them (it is not its own
     * predecessor); two clusters at least become one: the successor plus one more, or two into a new cluster.
     */
    public static Set<UUID> predecessors(UUID successorClusterId, boolean newCluster, Collection<UUID> listed) {
        if ((successorClusterId == null) != newCluster) {
            throw RuleViolation.invalid("successorClusterId", "give either successorClusterId or newCluster, not both or neither");
        }
        Set<UUID> ids = new LinkedHashSet<>(listed);
        ids.remove(successorClusterId);
        int needed = successorClusterId != null ? 1 : 2;
        if (ids.size() < needed) {
            throw RuleViolation.invalid("predecessorIds", "a merge needs at least two distinct clusters");
        }
        return ids;
    }

    public static void requireMergeable(String slug, ClusterStatus status) {
        if (!ClusterLifecycle.canMerge(status)) {
            throw RuleViolation.conflict("Cluster " + slug + " is " + status + " and cannot be merged");
        }
    }

    public static void requireSuccessor(String slug, ClusterStatus status) {
        if (!ClusterLifecycle.canMerge(status)) {
            throw RuleViolation.conflict("Cluster " + slug + " is " + status + " and cannot be a successor");
        }
    }

    /** A new joint cluster is a signatory from the merge date when any predecessor was one (suspended included). */
    public static boolean jointClusterIsSignatory(Collection<ClusterStatus> predecessorStatuses) {
        return predecessorStatuses.stream().anyMatch(s -> s == ClusterStatus.SIGNATORY || s == ClusterStatus.SUSPENDED);
    }
}
