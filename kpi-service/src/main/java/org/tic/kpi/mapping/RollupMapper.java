package org.tic.kpi.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.kpi.domain.Metric;
import org.tic.kpi.domain.MetricBucket;
import org.tic.kpi.domain.RollupCalculator;

import java.math.BigDecimal;
import java.util.List;

/** Roll-up results → API views. */
@ApplicationScoped
public class RollupMapper {

    private static final String PRICE_YEAR = "PRICE_YEAR_";

    public TotalView toView(RollupCalculator.Total t, String counted) {
        MetricBucket b = t.bucket();
        List<String> gwpSets = b.metric() == Metric.CO2E && !t.qualifiers().isEmpty() ? List.copyOf(t.qualifiers()) : null;
        List<Integer> priceYears = b.metric() == Metric.GDP && !t.qualifiers().isEmpty()
                ? t.qualifiers().stream().filter(q -> q.startsWith(PRICE_YEAR))
                .map(q -> Integer.valueOf(q.substring(PRICE_YEAR.length()))).sorted().toList()
                : null;
        return new TotalView(b.key(), b.label(), b.metric(), b.otherName(), b.co2eMetricType(), b.co2eScope(),
                b.gdpBasis(), b.currency(), b.jobsKind(), b.jobsEffect(), b.jobsPhase(), b.baseUnit(),
                plain(t.total()), b.summable(), b.notSummableReason(),
                new TotalView.CoverageView(t.reporting(), t.inScope(), counted),
                plain(t.fromClusters()), plain(t.fromProjects()), t.projectsCounted(), t.projectsCovered(),
                t.inheritedValues(), t.reportsUsed(), gwpSets, priceYears);
    }

    public List<TotalView> toViews(List<RollupCalculator.Total> totals, String counted) {
        return totals.stream().map(t -> toView(t, counted)).toList();
    }

    /** Same number, canonical scale: 10.50 and 10.5 must not look like different totals. */
    public static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
