package org.tic.kpi.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.commons.rules.RuleViolation;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.mapping.CsvWriter;
import org.tic.kpi.mapping.KpiCsv;
import org.tic.kpi.repository.KpiReportRepository;
import org.tic.kpi.repository.ReportFilter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Streams reports out as CSV or a JSON array, in batches (keyset paging on recording order), each batch read in its
 * own short transaction, so an export of any size holds one batch in memory and no long transaction.
 */
@ApplicationScoped
public class ReportExportService {

    public interface BatchWriter {
        void write(List<KpiReport> batch) throws IOException;
    }

    /** Writes the whole export to the response body once the response starts. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A prepared export: what to send and how to name it. */
    public record Export(String format, String contentType, Body body) {
        public String fileName() {
            return "kpi-reports." + format;
        }
    }

    static final int BATCH = 500;

    private final KpiReportRepository reports;
    private final ObjectMapper json;

    public ReportExportService(KpiReportRepository reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    /**
     * The export in {@code format} (csv, the default, or json) of the reports the filter selects, each shown as the
     * viewer may see it (decided by the caller while the request and its token are at hand). Nothing is read until
     * the body is written.
     */
    public Export prepare(String format, ReportFilter filter, ReportViewer viewer) {
        String f = format == null ? "csv" : format;
        return switch (f) {
            case "csv" -> new Export(f, "text/csv; charset=UTF-8", out -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                CsvWriter csv = new CsvWriter(w);
                csv.row(KpiCsv.EXPORT_COLUMNS);
                export(filter, batch -> {
                    for (KpiReport r : batch) {
                        csv.row(viewer.csvRow(r));
                    }
                });
                w.flush();
            });
            case "json" -> new Export(f, "application/json", out -> {
                try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                    g.writeStartArray();
                    export(filter, batch -> {
                        for (KpiReport r : batch) {
                            json.writeValue(g, viewer.view(r));
                        }
                    });
                    g.writeEndArray();
                }
            });
            default -> throw RuleViolation.invalid("format", "must be csv or json");
        };
    }

    public void export(ReportFilter filter, BatchWriter writer) throws IOException {
        Instant afterAt = null;
        UUID afterId = null;
        while (true) {
            Instant at = afterAt;
            UUID id = afterId;
            List<KpiReport> batch = QuarkusTransaction.requiringNew().call(() -> {
                List<KpiReport> b = reports.batchAfter(filter, at, id, BATCH);
                try {
                    writer.write(b); // entities are mapped while the session is open
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                reports.getEntityManager().clear();
                return b;
            });
            if (batch.size() < BATCH) {
                return;
            }
            KpiReport last = batch.get(batch.size() - 1);
            afterAt = last.recordedAt;
            afterId = last.id;
        }
    }
}
