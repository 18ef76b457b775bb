package org.tic.membership.domain;

/** The part an organization plays in a cluster. */
public enum PartyRole {
    COORDINATOR,
    MEMBER,
    GOVERNMENT_PARTNER,
    PORT_AUTHORITY,
    FINANCIER,
    LABOUR_PARTNER,
    COMMUNITY_PARTNER,
    RESEARCH_PARTNER,
    OBSERVER
}
