package org.tic.kpi.domain;

/** Project phase the jobs belong to. */
public enum JobsPhase {
    CONSTRUCTION,
    OPERATION,
    CONSTRUCTION_AND_OPERATION
}
