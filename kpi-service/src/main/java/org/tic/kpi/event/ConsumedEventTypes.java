package org.tic.kpi.event;

/** Base types (without the version suffix) this service consumes from membership.events and project.events. */
public final class ConsumedEventTypes {

    public static final String CLUSTER_REGISTERED = "tic.membership.cluster.registered";
    public static final String CLUSTER_UPDATED = "tic.membership.cluster.updated";
    public static final String CLUSTER_JOINED = "tic.membership.cluster.joined";
    public static final String CLUSTER_SUSPENDED = "tic.membership.cluster.suspended";
    public static final String CLUSTER_REINSTATED = "tic.membership.cluster.reinstated";
    public static final String CLUSTER_WITHDRAWN = "tic.membership.cluster.withdrawn";
    public static final String CLUSTERS_MERGED = "tic.membership.clusters.merged";
    public static final String PARTY_ADDED = "tic.membership.cluster.party-added";
    public static final String PARTY_REMOVED = "tic.membership.cluster.party-removed";

    public static final String POLICY_ADOPTED = "tic.membership.policy.adopted";
    public static final String POLICY_UPDATED = "tic.membership.policy.updated";

    public static final String PROJECT_PREFIX = "tic.project.project.";
    public static final String PROJECT_CANCELLED = "tic.project.project.cancelled";

    /** Versions of the data shapes this consumer understands; a later version (.v2) is ignored until supported. */
    public static final String SUPPORTED_VERSION = "v1";

    private ConsumedEventTypes() {
    }
}
