package org.tic.project.domain;

/** What a corridor carries between its clusters. */
public enum CorridorCommodity {
    HYDROGEN,
    AMMONIA,
    CO2,
    METHANOL,
    ELECTRICITY,
    OTHER
}
