package org.tic.membership.domain;

public enum ClusterType {
    PORT,
    ENERGY_HUB,
    INDUSTRIAL_COMPLEX,
    SPECIAL_ECONOMIC_ZONE,
    ECO_INDUSTRIAL_PARK,
    HYDROGEN_VALLEY,
    OTHER
}
