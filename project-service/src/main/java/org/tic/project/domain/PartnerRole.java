package org.tic.project.domain;

public enum PartnerRole {
    DEVELOPER,
    OPERATOR,
    OFFTAKER,
    FINANCIER,
    TECHNOLOGY_PROVIDER,
    PUBLIC_FUNDER,
    OTHER
}
