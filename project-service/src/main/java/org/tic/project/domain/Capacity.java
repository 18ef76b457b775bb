package org.tic.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;

/** Design capacity, e.g. 4.5 Mt CO2/yr or 2 GW of electrolysis (the basis says of what). */
@Embeddable
public class Capacity {

    @Column(name = "capacity_value")
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(name = "capacity_unit")
    public CapacityUnit unit;

    @Column(name = "capacity_basis")
    public String basis;
}
