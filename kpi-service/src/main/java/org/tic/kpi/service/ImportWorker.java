package org.tic.kpi.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.tic.kpi.config.KpiConfig;
import org.tic.kpi.domain.ImportJob;
import org.tic.kpi.event.KpiEventPublisher;
import org.tic.kpi.repository.ImportRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs import jobs: claims a job (a lease with a fresh owner token), applies its staged rows chunk by chunk
 * ({@link ImportChunkApplier}, {@code tic.kpi.imports.chunk-size} rows per transaction, set-based), then completes it.
 * A chunk lands entirely or not at all and progress is counted per chunk. A job whose lease expired (its worker or
 * replica died) is resumed by the periodic scan from its first row still pending; the worker it was taken from
 * stops at its next chunk. If the database refuses a chunk (a data or constraint error), the chunk is halved until
 * the refused row is found, and only that row is rejected.
 * <p>
 * Runs outside any request: each row is checked against the uploader's {@link Rights} stored on the job (a row for
 * a cluster or project the uploader may not report for is rejected with a row error), and written as the uploader
 * (recordedBy, ce_actor). Nothing here asks for the request-scoped {@code Caller}.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    private static final Duration STALE_UPLOAD = Duration.ofHours(1);

    private final ImportRepository imports;
    private final ImportChunkApplier chunks;
    private final InitiativeTotalsTracker totals;
    private final KpiEventPublisher events;
    private final KpiConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kpi-import-worker");
        t.setDaemon(true);
        return t;
    });
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public ImportWorker(ImportRepository imports, ImportChunkApplier chunks, InitiativeTotalsTracker totals,
                        KpiEventPublisher events, KpiConfig config, MeterRegistry registry, Clock clock) {
        this.imports = imports;
        this.chunks = chunks;
        this.totals = totals;
        this.events = events;
        this.config = config;
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
        stopping = true; // the job in flight stops after its current chunk; its lease lets it resume later
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims the job under a new owner token. @return the job as the worker holds it, or null if someone else does */
    ImportChunkApplier.Job claim(UUID importId) {
        UUID owner = UUID.randomUUID();
        boolean claimed = QuarkusTransaction.requiringNew().call(() ->
                imports.claim(importId, Instant.now(clock), lease(), owner));
        if (!claimed) {
            return null;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = imports.findById(importId);
            return new ImportChunkApplier.Job(importId, owner, List.copyOf(job.columns),
                    new Rights(job.createdBy, job.actorSecretariat, Set.copyOf(job.actorClusters)));
        });
    }

    void run(UUID importId) {
        try {
            ImportChunkApplier.Job job = claim(importId);
            if (job != null) {
                applyAll(job);
            }
        } catch (ImportChunkApplier.LeaseLost e) {
            LOG.infof("Import %s: another worker took it over; this one stops", importId);
        } catch (RuntimeException e) {
            // The lease expires and the periodic scan retries the job from its first pending row.
            LOG.errorf(e, "Import %s interrupted; it will be resumed", importId);
        }
    }

    /** Applies every pending row of a held job, chunk by chunk, then completes it. */
    void applyAll(ImportChunkApplier.Job job) {
        int full = Math.max(1, config.imports().chunkSize());
        int limit = full;
        while (!stopping) {
            ImportChunkApplier.Result result;
            try {
                result = chunks.applyNext(job, limit, lease());
            } catch (ImportChunkApplier.LeaseLost e) {
                throw e;
            } catch (RuntimeException e) {
                if (!refusedData(e)) {
                    throw e;
                }
                if (limit > 1) {
                    LOG.debugf(e, "Import %s: a chunk of %d rows was refused; halving it", job.id(), limit);
                    limit = Math.max(1, limit / 2);
                } else {
                    LOG.debugf(e, "Import %s: a row could not be stored", job.id());
                    chunks.rejectFirstPending(job, rootMessage(e), lease());
                    count("rejected", 1);
                    limit = full;
                }
                continue;
            }
            if (result.rows() == 0) {
                complete(job);
                return;
            }
            count("imported", result.imported());
            count("rejected", result.rejected());
            limit = Math.min(full, limit * 2);
        }
    }

    /** A data or integrity error (SQLSTATE class 22 or 23) is a row's fault; anything else ends the run for now. */
    private static boolean refusedData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private void complete(ImportChunkApplier.Job held) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!imports.lockIfOwner(held.id(), held.owner())) {
                throw new ImportChunkApplier.LeaseLost(held.id());
            }
            ImportJob job = imports.findById(held.id());
            imports.getEntityManager().refresh(job);
            if (job.status == ImportJob.Status.COMPLETED) {
                return;
            }
            job.status = ImportJob.Status.COMPLETED;
            job.finishedAt = Instant.now(clock);
            job.leaseUntil = null;
            events.importCompleted(job, held.rights().actor());
            totals.checkAfterCommit(held.rights().actor()); // totals checked once per import, not once per chunk
        });
        LOG.infof("Import %s completed", held.id());
    }

    private Instant lease() {
        return Instant.now(clock).plus(config.imports().lease());
    }

    private void count(String result, int rows) {
        registry.counter("tic.kpi.import.rows", "result", result).increment(rows);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.length() <= 200 ? m : m.substring(0, 200) + "…";
    }
}
