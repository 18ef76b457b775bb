package org.tic.kpi.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "TimeSeries")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimeSeriesView(LocalDate from, LocalDate to, String interval,
                             @Schema(description = "The breakdown each point is split by (by=...), e.g. cohort") String by,
                             List<PointView> points) {

    @Schema(name = "TimeSeriesPoint")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PointView(LocalDate asOf, int signatoryClusters, int countries, List<PointTotal> totals,
                            @Schema(description = "With by=...: the point's groups (e.g. per cohort, the year clusters joined)") List<PointGroup> groups) {
    }

    @Schema(name = "TimeSeriesGroup")
    public record PointGroup(@Schema(example = "2021") String key, int clusters, List<PointTotal> totals) {
    }

    @Schema(name = "TimeSeriesTotal")
    public record PointTotal(String key, String label, String unit, BigDecimal total, int reporting, int of) {
    }
}
