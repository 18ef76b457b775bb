package org.tic.project.domain;

public enum FundingType {
    GRANT,
    EQUITY,
    DEBT,
    CONCESSIONAL_LOAN,
    REGULATED_ASSET_BASE,
    CONTRACT_FOR_DIFFERENCE,
    TAX_CREDIT,
    GUARANTEE,
    OTHER
}
