package org.tic.kpi.domain;

/** How far a value can be trusted: as reported by the cluster, estimated (modelled), or independently verified. */
public enum Confidence {
    REPORTED,
    ESTIMATED,
    VERIFIED
}
