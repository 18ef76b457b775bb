package org.tic.kpi.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.kpi.domain.Confidence;
import org.tic.kpi.domain.KpiUnit;
import org.tic.kpi.domain.Metric;
import org.tic.kpi.domain.SubjectType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "KpiReport", description = "One version of a KPI value")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiReportView(
        @Schema(description = "This version's id") UUID id,
        @Schema(description = "The first version's id: the same for every version of this value") UUID seriesId,
        @Schema(description = "1 for the original, +1 per correction; also the ETag") int revision,
        @Schema(description = "Whether this is the current version") boolean current,
        UUID supersedesId,
        UUID supersededById,
        @Schema(description = "First day this version stood (its reportedOn)") LocalDate validFrom,
        @Schema(description = "Day its correction took over (exclusive); absent while current") LocalDate validTo,
        SubjectType subjectType,
        UUID clusterId,
        UUID projectId,
        Metric metric,
        String metricName,
        KpiReportRequest.Co2e co2e,
        KpiReportRequest.Jobs jobs,
        KpiReportRequest.Gdp gdp,
        BigDecimal value,
        KpiUnit unit,
        @Schema(description = "The value in the unit roll-ups use") Normalised normalised,
        @Schema(description = "The roll-up bucket: values that mean the same thing and are added together") Bucket bucket,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate reportedOn,
        KpiReportRequest.Source source,
        @Schema(description = "Who reported the value (may name a person). Shown only to the secretariat and to coordinators who may report for the subject; absent for everyone else") String reportedBy,
        Confidence confidence,
        @Schema(description = "Free text. Shown only to the secretariat and to coordinators who may report for the subject; absent for everyone else") String notes,
        String correctionReason,
        UUID importId,
        Instant recordedAt,
        @Schema(description = "The account (token subject) that wrote this version. Shown only to the secretariat and to coordinators who may report for the subject; absent for everyone else") String recordedBy) {

    @Schema(name = "NormalisedValue")
    public record Normalised(BigDecimal value, KpiUnit unit) {
    }

    @Schema(name = "Bucket")
    public record Bucket(@Schema(example = "CO2E|POTENTIAL_REDUCTION|SCOPE_1_2") String key, String label,
                         boolean summable) {
    }
}
