package org.tic.kpi.domain;

/** The headline metrics the initiative tracks, plus any other named metric a cluster reports. */
public enum Metric {
    CO2E,
    GDP,
    JOBS,
    OTHER
}
