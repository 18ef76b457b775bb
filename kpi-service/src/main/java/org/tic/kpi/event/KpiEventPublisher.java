package org.tic.kpi.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.outbox.OutboxWriter;
import org.tic.kpi.domain.ImportJob;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.mapping.KpiReportMapper;
import org.tic.kpi.mapping.KpiReportView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.kpi.event.KpiEventTypes.IMPORT_COMPLETED;
import static org.tic.kpi.event.KpiEventTypes.INITIATIVE;
import static org.tic.kpi.event.KpiEventTypes.INITIATIVE_ID;
import static org.tic.kpi.event.KpiEventTypes.KPI_IMPORT;
import static org.tic.kpi.event.KpiEventTypes.KPI_REPORT;
import static org.tic.kpi.event.KpiEventTypes.REPORT_REPORTED;
import static org.tic.kpi.event.KpiEventTypes.REPORT_SUPERSEDED;
import static org.tic.kpi.event.KpiEventTypes.TOTALS_CHANGED;

/**
 * Writes kpi events to the outbox in the caller's transaction, one record per payload shape (the shapes of
 * docs/events.md and the AsyncAPI document). Reports are keyed by their series id, so all versions of one value stay
 * in order on their partition.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KpiEventPublisher {

    public record ReportReported(KpiReportView report) {
    }

    public record ReportSuperseded(KpiReportView report, UUID supersededId) {
    }

    public record ImportCompleted(UUID importId, int rowsTotal, int rowsImported, int rowsRejected) {
    }

    /** {@code { asOf, signatoryClusters, countries, metrics: { bucketKey: MetricTotal } }}. */
    public record TotalsChanged(LocalDate asOf, int signatoryClusters, int countries, Map<String, MetricTotal> metrics) {
    }

    public record MetricTotal(String label, String unit, BigDecimal total, boolean summable, int clustersReporting,
                              int signatoryClusters) {
    }

    private final OutboxWriter outbox;
    private final KpiReportMapper mapper;

    public KpiEventPublisher(OutboxWriter outbox, KpiReportMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void reported(KpiReport r, String actor) {
        outbox.record(KPI_REPORT, r.seriesId, REPORT_REPORTED, new ReportReported(mapper.toView(r)), actor);
    }

    /** One import chunk's new values, written in one statement. */
    public void reportedAll(List<KpiReport> reports, String actor) {
        outbox.recordAll(KPI_REPORT, REPORT_REPORTED, reports.stream()
                .map(r -> new OutboxWriter.Pending(r.seriesId, new ReportReported(mapper.toView(r)))).toList(), actor);
    }

    public void superseded(KpiReport next, UUID supersededId, String actor) {
        outbox.record(KPI_REPORT, next.seriesId, REPORT_SUPERSEDED, new ReportSuperseded(mapper.toView(next), supersededId), actor);
    }

    public void importCompleted(ImportJob job, String actor) {
        outbox.record(KPI_IMPORT, job.id, IMPORT_COMPLETED,
                new ImportCompleted(job.id, job.rowsTotal, job.rowsImported, job.rowsRejected), actor);
    }

    public void totalsChanged(TotalsChanged totals, String actor) {
        outbox.record(INITIATIVE, INITIATIVE_ID, TOTALS_CHANGED, totals, actor);
    }
}
