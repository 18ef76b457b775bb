package org.tic.project.domain;

public enum Co2eUnit {
    T_CO2E_PER_YEAR,
    KT_CO2E_PER_YEAR,
    MT_CO2E_PER_YEAR
}
