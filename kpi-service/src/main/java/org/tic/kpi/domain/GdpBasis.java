package org.tic.kpi.domain;

/** Direct GDP contribution only, or including indirect and induced effects. */
public enum GdpBasis {
    DIRECT,
    TOTAL
}
