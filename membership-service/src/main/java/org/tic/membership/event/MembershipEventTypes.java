package org.tic.membership.event;

/** CloudEvents types published on {@code membership.events}; the suffix is the data schema version. */
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
    public static final String APPLICATION_SUBMITTED = "tic.membership.application.submitted.v1";
    public static final String APPLICATION_REVIEW_STARTED = "tic.membership.application.review-started.v1";
    public static final String APPLICATION_APPROVED = "tic.membership.application.approved.v1";
    public static final String APPLICATION_REJECTED = "tic.membership.application.rejected.v1";
    public static final String APPLICATION_WITHDRAWN = "tic.membership.application.withdrawn.v1";
    public static final String POLICY_ADOPTED = "tic.membership.policy.adopted.v1";
    public static final String POLICY_UPDATED = "tic.membership.policy.updated.v1";

    public static final String ORGANIZATION = "organization";
    public static final String CLUSTER = "cluster";
    public static final String APPLICATION = "application";
    public static final String POLICY_ADOPTION = "policy-adoption";
    /** Record type of a party's revisions (its events are the cluster's). */
    public static final String PARTY = "party";

    private MembershipEventTypes() {
    }
}
