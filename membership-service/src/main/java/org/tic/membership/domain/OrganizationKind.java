package org.tic.membership.domain;

/** What kind of body an organization is; the membership criteria count companies and government bodies. */
public enum OrganizationKind {
    COMPANY,
    GOVERNMENT_BODY,
    PORT_AUTHORITY,
    FINANCIER,
    LABOUR_ORGANIZATION,
    COMMUNITY_GROUP,
    RESEARCH_INSTITUTION,
    NGO,
    OTHER
}
