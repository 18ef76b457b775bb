package org.tic.delivery.domain;

/** Who may read a change; the same rights as the services' own reads of what the change is about. */
public enum Audience {
    /** Anyone, also without a token (clusters, organizations, parties, projects, KPI reports, totals). */
    PUBLIC,
    /** The secretariat and the coordinators of the change's clusters (applications). */
    CLUSTERS,
    /** The secretariat and the token subject that caused the change (an import's summary: the uploader's). */
    ACTOR
}
