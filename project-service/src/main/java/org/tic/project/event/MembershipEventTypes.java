package org.tic.project.event;

/**
 * The membership.events types this service consumes (its own copy of the contract in docs/events.md: services
 * share the contract, not classes). Other types, and other versions of these, are recorded and ignored.
 */
public final class MembershipEventTypes {

    public static final String ORGANIZATION_CREATED = "tic.membership.organization.created.v1";
    public static final String ORGANIZATION_UPDATED = "tic.membership.organization.updated.v1";
    public static final String ORGANIZATION_DELETED = "tic.membership.organization.deleted.v1";
    public static final String CLUSTER_REGISTERED = "tic.membership.cluster.registered.v1";
    public static final String CLUSTER_UPDATED = "tic.membership.cluster.updated.v1";
    public static final String CLUSTER_JOINED = "tic.membership.cluster.joined.v1";
    public static final String CLUSTER_SUSPENDED = "tic.membership.cluster.suspended.v1";
    public static final String CLUSTER_REINSTATED = "tic.membership.cluster.reinstated.v1";
    public static final String CLUSTER_WITHDRAWN = "tic.membership.cluster.withdrawn.v1";
    public static final String CLUSTERS_MERGED = "tic.membership.clusters.merged.v1";
    public static final String PARTY_ADDED = "tic.membership.cluster.party-added.v1";
    public static final String PARTY_REMOVED = "tic.membership.cluster.party-removed.v1";

    private MembershipEventTypes() {
    }
}
