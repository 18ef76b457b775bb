package org.tic.kpi.domain;

/** IPCC assessment report and time horizon of the global-warming potentials used to express gases as CO2e. */
public enum GwpSet {
    AR6_GWP100,
    AR6_GWP20,
    AR5_GWP100,
    AR5_GWP20,
    AR4_GWP100,
    OTHER
}
