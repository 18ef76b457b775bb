package org.tic.kpi.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.tic.kpi.domain.KpiReport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes new report versions (an import chunk's rows) with one {@code COPY kpi_report FROM STDIN}: the same columns
 * and values the entity path ({@code KpiReportService}) writes for a first version, without one INSERT per row.
 * {@link #COLUMNS} must name every column of kpi_report (a test checks it against the table).
 */
@ApplicationScoped
public class ImportedReportWriter {

    public static final List<String> COLUMNS = List.of("id", "series_id", "revision", "supersedes_id", "superseded_by_id",
            "valid_to", "current_version", "subject_type", "subject_id", "metric", "metric_name", "co2e_metric_type",
            "co2e_scope", "gwp_set", "base_year", "target_year", "method", "jobs_kind", "jobs_effect", "jobs_phase",
            "gdp_currency", "gdp_price_year", "gdp_basis", "value", "unit", "bucket_key", "normalised_value",
            "normalised_unit", "period_start", "period_end", "reported_on", "source_url", "source_document", "reported_by",
            "confidence", "notes", "correction_reason", "import_id", "recorded_at", "recorded_by", "version");

    private final EntityManager em;

    public ImportedReportWriter(EntityManager em) {
        this.em = em;
    }

    public void insert(List<KpiReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(reports.size() * 400);
        for (KpiReport r : reports) {
            Object[] values = {r.id, r.seriesId, r.revision, r.supersedesId, r.supersededById, r.validTo,
                    r.currentVersion ? "t" : "f", r.subjectType, r.subjectId, r.metric, r.metricName, r.co2eMetricType,
                    r.co2eScope, r.gwpSet, r.baseYear, r.targetYear, r.method, r.jobsKind, r.jobsEffect, r.jobsPhase,
                    r.gdpCurrency, r.gdpPriceYear, r.gdpBasis, r.value, r.unit, r.bucketKey, r.normalisedValue,
                    r.normalisedUnit, r.periodStart, r.periodEnd, r.reportedOn, r.sourceUrl, r.sourceDocument, r.reportedBy,
                    r.confidence, r.notes, r.correctionReason, r.importId,
                    r.recordedAt == null ? null : r.recordedAt.atOffset(ZoneOffset.UTC), r.recordedBy, r.version};
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    text.append("\\N");
                } else if (v instanceof BigDecimal d) {
                    text.append(d.toPlainString());
                } else if (v instanceof Enum<?> e) {
                    text.append(e.name());
                } else {
                    ImportRepository.copyEscape(text, v.toString());
                }
            }
            text.append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy kpi_report (" + String.join(", ", COLUMNS) + ") from stdin", new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
