package org.tic.project.domain;

/** Databases that track projects; an external reference is a project's id there. */
public enum ExternalRefSource {
    IEA_CCUS,
    IEA_HYDROGEN,
    GCCSI,
    GEM,
    MPP,
    OTHER
}
