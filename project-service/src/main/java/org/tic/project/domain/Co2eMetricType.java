package org.tic.project.domain;

/** What a CO2e figure measures: totals mix these, so every value says which it is. */
public enum Co2eMetricType {
    EMITTED,
    POTENTIAL_REDUCTION,
    ACHIEVED_REDUCTION,
    AVOIDED
}
