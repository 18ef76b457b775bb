package org.tic.kpi.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "InitiativeSummary")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SummaryView(
        LocalDate asOf,
        @Schema(description = "CURRENT_VALUES (maintained aggregate, today) or REPORT_HISTORY (versions that stood on asOf)") String basis,
        @Schema(description = "Clusters whose status was SIGNATORY on asOf (merged-away clusters excluded)") int signatoryClusters,
        int countries,
        List<String> countryCodes,
        @Schema(description = "How many signatories count from 1 January of their joining year because only the year is known") int signatoriesWithYearOnlyJoinDate,
        List<TotalView> totals,
        @Schema(description = "The initiative's own latest published figures on or before asOf, beside the computed ones") PublishedView published,
        @Schema(description = "The policy level on asOf: countries that had adopted the framework") PolicyView policy) {

    @Schema(name = "PublishedFigures")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublishedView(
            LocalDate asOf,
            Integer clusters,
            Integer countries,
            @Schema(description = "CO2e in Mt per year, as published") BigDecimal co2eMt,
            @Schema(description = "The publication's own wording of the CO2e figure") String co2eWording,
            @Schema(description = "Our reading of that wording") String co2eMetricType,
            BigDecimal gdpUsdBillion,
            BigDecimal jobsMillion,
            String jobsWording,
            String sourceUrl,
            String note,
            @Schema(description = "Computed minus published: the gap the coverage explains") Gap gap) {
    }

    @Schema(name = "PublishedGap")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gap(Integer clusters, Integer countries,
                      @Schema(description = "Computed CO2e of the published metric type (summable scopes) minus the published figure, Mt/yr")
                      BigDecimal co2eMt) {
    }
}
