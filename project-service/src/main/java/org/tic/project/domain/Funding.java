package org.tic.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** Funding secured so far (its sources are listed separately on the project). */
@Embeddable
public class Funding {

    @Column(name = "funding_secured_amount")
    public BigDecimal securedAmount;

    @Column(name = "funding_currency")
    public String currency;
}
