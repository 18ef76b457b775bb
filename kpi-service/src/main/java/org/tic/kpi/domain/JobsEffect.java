package org.tic.kpi.domain;

/** Economic-impact layer of a jobs figure; TOTAL is direct + indirect + induced. */
public enum JobsEffect {
    DIRECT,
    INDIRECT,
    INDUCED,
    TOTAL
}
