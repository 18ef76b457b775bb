package org.tic.commons.security;

/** The platform's roles, carried in the token's {@code groups} claim. */
public final class Roles {

    /** Runs the initiative: approves applications, merges clusters, records policies, manages everything. */
    public static final String SECRETARIAT = "secretariat";
    /** Acts for the clusters named in the token's {@code clusters} claim. */
    public static final String COORDINATOR = "cluster-coordinator";
    /** An organization (claim {@code org}): reads, and takes part in projects where it is a partner. */
    public static final String PARTNER = "partner";

    public static final String CLUSTERS_CLAIM = "clusters";
    public static final String ORGANIZATION_CLAIM = "org";

    private Roles() {
    }
}
