package org.tic.kpi.domain;

/**
 * Cluster statuses as membership-service publishes them. Kept as strings in the read model, so a status added
 * upstream later is stored rather than turning every event into a poison message.
 */
public final class ClusterStatuses {

    public static final String APPLICANT = "APPLICANT";
    public static final String SIGNATORY = "SIGNATORY";
    public static final String SUSPENDED = "SUSPENDED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String MERGED = "MERGED";

    private ClusterStatuses() {
    }
}
