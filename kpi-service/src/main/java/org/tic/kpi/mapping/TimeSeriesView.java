package org.tic.kpi.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "TimeSeries")
public record TimeSeriesView(LocalDate from, LocalDate to, String interval, List<PointView> points) {

    @Schema(name = "TimeSeriesPoint")
    public record PointView(LocalDate asOf, int signatoryClusters, int countries, List<PointTotal> totals) {
    }

    @Schema(name = "TimeSeriesTotal")
    public record PointTotal(String key, String label, String unit, BigDecimal total, int reporting, int of) {
    }
}
