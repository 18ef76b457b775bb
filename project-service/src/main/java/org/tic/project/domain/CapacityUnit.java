package org.tic.project.domain;

/** Units of a project's capacity: throughput of CO2, hydrogen or products, or power. */
public enum CapacityUnit {
    MT_CO2_PER_YEAR,
    KT_CO2_PER_YEAR,
    KT_H2_PER_YEAR,
    MT_H2_PER_YEAR,
    /** Product throughput (e.g. ammonia, methanol, e-fuels, steel); say which in the basis. */
    KT_PER_YEAR,
    MT_PER_YEAR,
    MW,
    GW,
    MWH,
    GWH,
    OTHER
}
