package org.tic.kpi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.tic.commons.outbox.OutboxWriter;
import org.tic.kpi.config.KpiConfig;
import org.tic.kpi.domain.ClusterRecord;
import org.tic.kpi.domain.FieldError;
import org.tic.kpi.domain.ImportJob;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.domain.KpiReportDraft;
import org.tic.kpi.event.KpiEventTypes;
import org.tic.kpi.mapping.KpiCsv;
import org.tic.kpi.repository.ClusterRecordRepository;
import org.tic.kpi.repository.ImportRepository;
import org.tic.kpi.repository.ProjectRecordRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Applies staged import rows, one transaction per row: the report (with its current value and outbox event) and
 * the row's status and the job's counters commit together, so a row lands entirely or not at all and progress is
 * exact. A job is held through a lease renewed with every row; a job whose lease expired (its worker or replica
 * died) is resumed by the periodic scan, from its first row still pending.
 * <p>
 * Runs outside any request: each row is checked against the uploader's {@link Rights} stored on the job (a row for
 * a cluster or project the uploader may not report for is rejected with a row error), and written as the uploader
 * (recordedBy, ce_actor). Nothing here asks for the request-scoped {@code Caller}.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    private static final int FETCH = 200;
    private static final Duration STALE_UPLOAD = Duration.ofHours(1);

    private final ImportRepository imports;
    private final ClusterRecordRepository clusters;
    private final ProjectRecordRepository projects;
    private final SubjectRights subjects;
    private final KpiReportService reports;
    private final InitiativeTotalsTracker totals;
    private final OutboxWriter outbox;
    private final KpiConfig config;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kpi-import-worker");
        t.setDaemon(true);
        return t;
    });
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public ImportWorker(ImportRepository imports, ClusterRecordRepository clusters, ProjectRecordRepository projects,
                        SubjectRights subjects, KpiReportService reports, InitiativeTotalsTracker totals,
                        OutboxWriter outbox, KpiConfig config, ObjectMapper json, MeterRegistry registry, Clock clock) {
        this.imports = imports;
        this.clusters = clusters;
        this.projects = projects;
        this.subjects = subjects;
        this.reports = reports;
        this.totals = totals;
        this.outbox = outbox;
        this.config = config;
        this.json = json;
        this.registry = registry;
        this.clock = clock;
    }

    /** Queues a job for this replica's worker (called once its rows are staged and committed). */
    public void submit(UUID importId) {
        if (running.add(importId)) {
            executor.execute(() -> {
                try {
                    run(importId);
                } finally {
                    running.remove(importId);
                }
            });
        }
    }

    /** Picks up jobs nobody is working on: queued before a restart, or whose worker stopped renewing its lease. */
    @Scheduled(every = "${tic.kpi.imports.poll-every:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeAbandoned() {
        if (stopping) {
            return; // the database may already be closing
        }
        Instant now = Instant.now(clock);
        // An upload cut off by a crash never reaches QUEUED: after a generous delay it is failed, not left hanging.
        int failed = QuarkusTransaction.requiringNew().call(() -> imports.failStaleUploads(now.minus(STALE_UPLOAD)));
        if (failed > 0) {
            LOG.warnf("%d import uploads were interrupted and are marked FAILED", failed);
        }
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> imports.claimable(now));
        ids.forEach(this::submit);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true; // the job in flight stops after its current row; its lease lets it resume later
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void run(UUID importId) {
        try {
            boolean claimed = QuarkusTransaction.requiringNew().call(() ->
                    imports.claim(importId, Instant.now(clock), lease()));
            if (!claimed) {
                return;
            }
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> imports.findById(importId));
            List<String> columns = List.copyOf(job.columns);
            String actor = job.createdBy;
            Rights rights = new Rights(actor, job.actorSecretariat, Set.copyOf(job.actorClusters));
            while (!stopping) {
                List<ImportRepository.PendingRow> rows = QuarkusTransaction.requiringNew().call(() ->
                        imports.pending(importId, FETCH));
                if (rows.isEmpty()) {
                    complete(importId, actor);
                    return;
                }
                if (stopping) {
                    return;
                }
                applyChunk(importId, columns, rows, rights);
            }
        } catch (RuntimeException e) {
            // The lease expires and the periodic scan retries the job from its first pending row.
            LOG.errorf(e, "Import %s interrupted; it will be resumed", importId);
        }
    }

    /**
     * Applies a fetched chunk of rows in one transaction (one commit instead of one per row). Rows with errors are
     * recorded as rejected inside it; if the database refuses a row, the whole chunk rolls back and its rows are
     * applied one per transaction, so that only the refused row is rejected.
     */
    private void applyChunk(UUID importId, List<String> columns, List<ImportRepository.PendingRow> rows, Rights rights) {
        int[] imported = {0};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                imported[0] = 0;
                for (ImportRepository.PendingRow row : rows) {
                    if (applyRow(importId, columns, row, rights)) {
                        imported[0]++;
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf(e, "Import %s: a chunk of %d rows failed; applying its rows one by one", importId, rows.size());
            for (ImportRepository.PendingRow row : rows) {
                apply(importId, columns, row, rights);
            }
            return;
        }
        count("imported", imported[0]);
        count("rejected", rows.size() - imported[0]);
    }

    /** One row in the caller's transaction: stored, or recorded as rejected with its errors. @return stored */
    private boolean applyRow(UUID importId, List<String> columns, ImportRepository.PendingRow row, Rights rights) {
        List<FieldError> errors = new ArrayList<>();
        KpiReportDraft draft = draft(columns, row, rights, errors);
        if (errors.isEmpty()) {
            KpiReport r = reports.reportFromImport(draft, importId, rights.actor());
            imports.finishRow(importId, row.line(), r.id, null, lease());
            return true;
        }
        imports.finishRow(importId, row.line(), null, errorsJson(errors), lease());
        return false;
    }

    private void apply(UUID importId, List<String> columns, ImportRepository.PendingRow row, Rights rights) {
        try {
            boolean stored = QuarkusTransaction.requiringNew().call(() -> applyRow(importId, columns, row, rights));
            count(stored ? "imported" : "rejected");
        } catch (RuntimeException e) {
            // Nothing of the row was written (its transaction rolled back); record why, on its own.
            LOG.debugf(e, "Import %s line %d could not be stored", importId, row.line());
            QuarkusTransaction.requiringNew().run(() -> imports.finishRow(importId, row.line(), null,
                    errorsJson(List.of(new FieldError("row", "could not be stored: " + rootMessage(e)))), lease()));
            count("rejected");
        }
    }

    /** Parses and checks a row, against the uploader's rights too; the errors name CSV columns. */
    private KpiReportDraft draft(List<String> columns, ImportRepository.PendingRow row, Rights rights,
                                 List<FieldError> errors) {
        KpiCsv.Parsed parsed = KpiCsv.parse(columns, row.fields());
        errors.addAll(parsed.errors());
        KpiReportDraft draft = parsed.draft();
        if (parsed.clusterRef() != null) {
            UUID clusterId = resolveCluster(parsed.clusterRef());
            if (clusterId == null) {
                errors.add(new FieldError("cluster", "no cluster with id or slug '" + shorten(parsed.clusterRef())
                        + "' is known to kpi-service"));
                return draft;
            }
            if (!subjects.coversCluster(rights, clusterId)) {
                errors.add(new FieldError("cluster", "you may import only for the clusters you coordinate "
                        + rights.clusters() + "; this row is for cluster '" + shorten(parsed.clusterRef()) + "' ("
                        + clusterId + ")"));
                return draft;
            }
            draft = draft.withClusterId(clusterId);
        }
        if (draft.projectId() != null && !rights.secretariat()) {
            var project = projects.findByIdOptional(draft.projectId());
            if (project.isPresent() && !subjects.coversProject(rights, project.get())) {
                errors.add(new FieldError("projectId", "you may import only for projects of the clusters you coordinate "
                        + rights.clusters() + "; project " + draft.projectId() + " belongs to " + project.get().clusterIds()));
                return draft;
            }
        }
        if (draft.reportedOn() == null) {
            draft = draft.withReportedOn(LocalDate.now(clock));
        }
        Set<String> unparsed = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        for (FieldError e : reports.check(draft)) {
            String column = KpiCsv.column(e.field());
            if (!unparsed.contains(column)) { // "metric is required" after "'CARBON' is not one of ..." adds nothing
                errors.add(new FieldError(column, e.message()));
            }
        }
        return draft;
    }

    private UUID resolveCluster(String ref) {
        try {
            UUID id = UUID.fromString(ref);
            return clusters.findByIdOptional(id).map(c -> c.id).orElse(null);
        } catch (IllegalArgumentException notAUuid) {
            return clusters.findBySlug(ref).map((ClusterRecord c) -> c.id).orElse(null);
        }
    }

    private void complete(UUID importId, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = imports.findById(importId);
            if (job.status == ImportJob.Status.COMPLETED) {
                return;
            }
            job.status = ImportJob.Status.COMPLETED;
            job.finishedAt = Instant.now(clock);
            job.leaseUntil = null;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("importId", job.id);
            data.put("rowsTotal", job.rowsTotal);
            data.put("rowsImported", job.rowsImported);
            data.put("rowsRejected", job.rowsRejected);
            outbox.record(KpiEventTypes.KPI_IMPORT, job.id, KpiEventTypes.IMPORT_COMPLETED, data, actor);
            totals.changed(actor, true); // totals checked once per import, not once per row
        });
        LOG.infof("Import %s completed", importId);
    }

    private Instant lease() {
        return Instant.now(clock).plus(config.imports().lease());
    }

    private String errorsJson(List<FieldError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String result) {
        count(result, 1);
    }

    private void count(String result, int rows) {
        registry.counter("tic.kpi.import.rows", "result", result).increment(rows);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return shorten(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    private static String shorten(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
