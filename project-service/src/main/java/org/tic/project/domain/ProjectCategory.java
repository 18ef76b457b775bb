package org.tic.project.domain;

/** Technology-neutral project categories. */
public enum ProjectCategory {
    CO2_CAPTURE,
    CO2_TRANSPORT_STORAGE,
    HYDROGEN_AND_DERIVATIVES,
    ELECTRIFICATION,
    RENEWABLE_POWER,
    ENERGY_EFFICIENCY,
    CIRCULARITY_SYMBIOSIS,
    SHARED_INFRASTRUCTURE,
    LOW_CARBON_MATERIALS,
    OTHER
}
