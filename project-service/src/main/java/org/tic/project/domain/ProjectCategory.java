package org.tic.project.domain;

/** Technology-neutral project categories; {@link CategoryVocabulary} maps each to the trackers' vocabularies. */
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
    BIOENERGY_BIOMETHANE,
    LOW_CARBON_FUELS,
    ENERGY_STORAGE,
    NUCLEAR,
    ELECTRIFICATION_OF_HEAT,
    CIRCULARITY_RECYCLING,
    OTHER
}
