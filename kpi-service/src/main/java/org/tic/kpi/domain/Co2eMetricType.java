package org.tic.kpi.domain;

/** What a CO2e figure measures. Published totals mix these; roll-ups never add one type to another. */
public enum Co2eMetricType {
    EMITTED,
    POTENTIAL_REDUCTION,
    ACHIEVED_REDUCTION,
    AVOIDED
}
