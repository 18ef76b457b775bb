package org.tic.project.domain;

/** How a corridor carries its commodity. */
public enum TransportMode {
    PIPELINE,
    SHIP,
    RAIL,
    ROAD,
    POWER_LINE,
    MULTIMODAL
}
