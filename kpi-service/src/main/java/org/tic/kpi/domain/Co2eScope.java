package org.tic.kpi.domain;

/** GHG Protocol scopes a CO2e figure covers. */
public enum Co2eScope {
    SCOPE_1,
    SCOPE_2,
    SCOPE_3,
    SCOPE_1_2,
    SCOPE_1_2_3;

    /**
     * Scope-3 figures count other organisations' scope 1 and 2 (suppliers, customers), so adding them across
     * members counts the same tonnes twice; they are shown with coverage but never summed.
     */
    public boolean summableAcrossMembers() {
        return this != SCOPE_3 && this != SCOPE_1_2_3;
    }
}
