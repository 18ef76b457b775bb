package org.tic.kpi.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.kpi.domain.ImportJob;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "KpiImport", description = "A bulk CSV import and its progress")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportView(
        UUID id,
        @Schema(description = "RECEIVING, QUEUED, RUNNING, COMPLETED or FAILED") ImportJob.Status status,
        @Schema(description = "Data rows in the file (header excluded)") int rowsTotal,
        int rowsDone,
        int rowsImported,
        int rowsRejected,
        long bytes,
        List<String> columns,
        String failure,
        Instant createdAt,
        @Schema(description = "Who uploaded it (token subject); its rows are recorded as theirs") String createdBy,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "The first rejected rows (all of them at /{id}/errors)") List<RowError> errors,
        boolean moreErrors,
        @Schema(description = "The reports this import created") String reports) {

    @Schema(name = "KpiImportRowError", description = "Why a row was not imported")
    public record RowError(@Schema(description = "Line in the file where the row starts (the header is line 1)",
                                   example = "7") int line,
                           @Schema(description = "The CSV column", example = "value") String field,
                           @Schema(example = "a headcount is a whole number; use FTE for fractions") String message) {
    }
}
