package org.tic.kpi.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.repository.KpiReportRepository;
import org.tic.kpi.repository.ReportFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Streams reports out in batches (keyset paging on recording order), each batch read in its own short
 * transaction, so an export of any size holds one batch in memory and no long transaction.
 */
@ApplicationScoped
public class ReportExportService {

    public interface BatchWriter {
        void write(List<KpiReport> batch) throws IOException;
    }

    static final int BATCH = 500;

    private final KpiReportRepository reports;

    public ReportExportService(KpiReportRepository reports) {
        this.reports = reports;
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
