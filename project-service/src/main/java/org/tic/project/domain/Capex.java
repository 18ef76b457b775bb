package org.tic.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** Capital expenditure in a currency of a given price year (so figures of different years are not mixed). */
@Embeddable
public class Capex {

    @Column(name = "capex_amount")
    public BigDecimal amount;

    @Column(name = "capex_currency")
    public String currency;

    @Column(name = "capex_price_year")
    public Integer priceYear;
}
