package org.tic.kpi.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A total the initiative itself published (a reported aggregate), kept with its source and exact wording. */
@Entity
@Table(name = "published_snapshot")
public class PublishedSnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "as_of")
    public LocalDate asOf;

    public Integer clusters;

    public Integer countries;

    @Column(name = "co2e_mt")
    public BigDecimal co2eMt;

    /** The publication's own words, e.g. "potential reduction (\"could save\")". */
    @Column(name = "co2e_wording")
    public String co2eWording;

    /** Our reading of that wording, so the figure is compared with the computed total of the same type. */
    @Column(name = "co2e_metric_type")
    public String co2eMetricType;

    @Column(name = "gdp_usd_bn")
    public BigDecimal gdpUsdBn;

    @Column(name = "jobs_million")
    public BigDecimal jobsMillion;

    @Column(name = "jobs_wording")
    public String jobsWording;

    @Column(name = "source_url", nullable = false)
    public String sourceUrl;

    public String note;

    @Column(name = "loaded_at", nullable = false)
    public Instant loadedAt;
}
