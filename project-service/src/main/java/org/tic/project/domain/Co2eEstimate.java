package org.tic.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;

/** An estimated CO2e figure with its unit and what it measures. */
@Embeddable
public class Co2eEstimate {

    @Column(name = "co2e_value")
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(name = "co2e_unit")
    public Co2eUnit unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "co2e_metric_type")
    public Co2eMetricType metricType;

    @Column(name = "co2e_basis")
    public String basis;
}
