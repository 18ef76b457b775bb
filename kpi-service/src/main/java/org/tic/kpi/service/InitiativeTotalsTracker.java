package org.tic.kpi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.tic.kpi.config.KpiConfig;
import org.tic.commons.event.EventHandler;
import org.tic.commons.event.IncomingEvent;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.domain.RollupCombiner;
import org.tic.kpi.event.KpiEventPublisher;
import org.tic.kpi.event.KpiEventPublisher.MetricTotal;
import org.tic.kpi.event.KpiEventPublisher.TotalsChanged;
import org.tic.kpi.mapping.RollupMapper;
import org.tic.kpi.repository.RollupChangeLog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the roll-ups' data version and announces {@code tic.kpi.initiative.totals-changed.v1} when today's totals
 * differ from the last ones announced.
 * <p>Every change to a roll-up input calls {@link #changed} in its own transaction: it bumps
 * {@code initiative_totals.data_version} (readers reuse today's roll-up while it stays put) and, after the commit,
 * marks the totals as due for a check. A scheduled check (every {@code tic.kpi.rollups.announce-every}, and a sweep
 * every {@code tic.kpi.rollups.sweep-every} that also covers changes made by other replicas or lost to a crash)
 * computes the totals in one REPEATABLE READ snapshot, then, under the row lock, announces them if they differ from
 * the last announcement and no newer version was checked meanwhile. So writers no longer recompute the roll-up
 * (O(clusters)) in their own transaction, a burst of changes is announced once, and every announcement still
 * reflects one consistent committed state, in version order.
 */
@ApplicationScoped
public class InitiativeTotalsTracker {

    private static final Logger LOG = Logger.getLogger(InitiativeTotalsTracker.class);
    /** Transaction resources: the earliest date this transaction's bump covers, and whether the check is registered. */
    private static final Object BUMPED_FROM = new Object();
    private static final Object ALL_DATES = new Object();
    private static final Object CHECK_REGISTERED = new Object();
    private static final Object DEFERRED = new Object();

    private record Fingerprinted(int signatoryClusters, int countries, Map<String, MetricTotal> metrics) {
    }

    private final EntityManager em;
    private final InitiativeService initiative;
    private final KpiEventPublisher events;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final KpiConfig config;
    private final RollupChangeLog changes;
    /** Start dirty: the first check after start-up announces whatever changed while no replica was checking. */
    private final AtomicBoolean due = new AtomicBoolean(true);
    private final AtomicReference<String> lastActor = new AtomicReference<>("kpi-service");
    private volatile long lastCheckNanos = System.nanoTime();
    private volatile long notBeforeNanos;

    public InitiativeTotalsTracker(EntityManager em, InitiativeService initiative, KpiEventPublisher events, ObjectMapper json,
                                   TransactionSynchronizationRegistry transactions, KpiConfig config,
                                   RollupChangeLog changes) {
        this.em = em;
        this.initiative = initiative;
        this.events = events;
        this.json = json;
        this.transactions = transactions;
        this.config = config;
        this.changes = changes;
    }

    /**
     * Records, in the caller's transaction, that a roll-up input changed. Call it last in the transaction: the bump
     * holds the single initiative_totals row until commit, which orders concurrent writers' versions.
     *
     * @param announce whether to check the totals after the commit (an import checks once, when it completes)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String actor, boolean announce) {
        changed(actor, announce, null);
    }

    /**
     * As {@link #changed(String, boolean)}, for a change that can only affect roll-ups from {@code affectedFrom} on
     * (e.g. a report or correction reported on that date): cached roll-ups of earlier dates stay valid.
     *
     * @param affectedFrom null: any date (cluster and project changes)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String actor, boolean announce, LocalDate affectedFrom) {
        Deferred deferred = (Deferred) transactions.getResource(DEFERRED);
        if (deferred != null) {
            deferred.from = earliest(deferred.from, affectedFrom);
        } else {
            bump(affectedFrom);
        }
        if (announce) {
            checkAfterCommit(actor);
        }
    }

    /**
     * From now on in the caller's transaction, {@link #changed} only notes what changed, and {@link #bumpDeferred}
     * bumps once for all of it: a consumer's batch then holds the single initiative_totals row for its commit only.
     * Bumping at the first event held it for the rest of the batch, so two replicas' batches ran one after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deferBumps() {
        if (transactions.getResource(DEFERRED) == null) {
            transactions.putResource(DEFERRED, new Deferred());
        }
    }

    /** {@code handler} with this tracker's bumps deferred to the end of each consumer transaction. */
    public EventHandler deferringBumps(EventHandler handler) {
        return new EventHandler() {
            @Override
            public void handle(IncomingEvent event) throws Exception {
                deferBumps();
                handler.handle(event);
            }

            @Override
            public void beforeCommit() throws Exception {
                handler.beforeCommit();
                bumpDeferred();
            }
        };
    }

    /** The one bump for what {@link #changed} noted since {@link #deferBumps}; call it last in the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bumpDeferred() {
        Deferred deferred = (Deferred) transactions.getResource(DEFERRED);
        if (deferred != null && deferred.from != null) {
            bump(deferred.from == ALL_DATES ? null : (LocalDate) deferred.from);
            deferred.from = null;
        }
    }

    private void bump(LocalDate affectedFrom) {
        em.flush();
        // One bump per transaction covers every change in it: bump again only when this change reaches further
        // back than the bump already made.
        Object bumped = transactions.getResource(BUMPED_FROM);
        boolean covered = bumped == ALL_DATES
                || (bumped instanceof LocalDate from && affectedFrom != null && !affectedFrom.isBefore(from));
        if (!covered) {
            changes.bump(affectedFrom);
            transactions.putResource(BUMPED_FROM, affectedFrom == null ? ALL_DATES : affectedFrom);
        }
    }

    /** The earlier of two "affected from" marks, where {@link #ALL_DATES} (any date) is earliest of all. */
    private static Object earliest(Object noted, LocalDate affectedFrom) {
        if (noted == ALL_DATES || affectedFrom == null) {
            return ALL_DATES;
        }
        return noted instanceof LocalDate d && d.isBefore(affectedFrom) ? d : affectedFrom;
    }

    /** What a transaction's deferred changes can affect: null (nothing yet), a date, or {@link #ALL_DATES}. */
    private static final class Deferred {
        Object from;
    }

    /**
     * Marks today's totals as due for a check once the caller's transaction commits, without a data change of its
     * own (an import's completion: its chunks already recorded theirs).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkAfterCommit(String actor) {
        if (transactions.getResource(CHECK_REGISTERED) != null) {
            return;
        }
        transactions.putResource(CHECK_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    lastActor.set(actor == null ? "kpi-service" : actor);
                    due.set(true);
                }
            }
        });
    }

    @Scheduled(every = "${tic.kpi.rollups.announce-every:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkWhenDue() {
        long now = System.nanoTime();
        if (now < notBeforeNanos) {
            return; // the last check was long: wait (the due flag stays set)
        }
        boolean sweep = now - lastCheckNanos > config.rollups().sweepEvery().toNanos();
        if (!due.getAndSet(false) && !sweep) {
            return;
        }
        lastCheckNanos = now;
        try {
            refresh(lastActor.get());
        } catch (RuntimeException e) {
            due.set(true); // e.g. the database is unreachable: try again on the next tick
            LOG.debugf(e, "Totals check failed; retrying");
        } finally {
            // Under a steady stream of changes every tick finds the totals due, and a check recomputes today's
            // roll-up (O(clusters)): waiting CHECK_DUTY_FACTOR × its duration keeps the checks at most a fifth of
            // one thread's time (and of the database's) whatever the scale; at 40 clusters that is still every tick.
            notBeforeNanos = System.nanoTime() + (System.nanoTime() - now) * CHECK_DUTY_FACTOR;
        }
    }

    /** Checks take at most 1 / (1 + this) of the time under a steady stream of changes. */
    static final int CHECK_DUTY_FACTOR = 4;

    /** The change log only needs to outlive the cached roll-ups that consult it. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneChangeLog() {
        try {
            QuarkusTransaction.requiringNew().run(() -> changes.prune(config.rollups().changeLogRetention()));
        } catch (RuntimeException e) {
            LOG.debugf(e, "Pruning the roll-up change log failed; next hour");
        }
    }

    /**
     * Checks today's totals now (in new transactions) and announces them if they changed.
     *
     * @return whether the totals changed (and an event was recorded)
     */
    public boolean refresh(String actor) {
        // Today's roll-up with its data version (computed from one snapshot, or reused at that version).
        Map.Entry<Long, RollupCombiner.Initiative> today = initiative.rollupToday();
        long version = today.getKey();
        RollupCombiner.Initiative r = today.getValue();
        Map<String, MetricTotal> metrics = new TreeMap<>();
        for (RollupCalculator.Total t : r.totals()) {
            metrics.put(t.bucket().key(), new MetricTotal(t.bucket().label(), t.bucket().baseUnit().name(),
                    RollupMapper.plain(t.total()), t.bucket().summable(), t.reporting(), t.inScope()));
        }
        String body;
        try {
            // The date alone changing is not a change of the totals.
            body = json.writeValueAsString(new Fingerprinted(r.signatories(), r.countries().size(), metrics));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String fingerprint = sha256(body);
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery(
                    "select fingerprint, checked_version from initiative_totals where id = 1 for update").getSingleResult();
            String previous = (String) row[0];
            long checked = ((Number) row[1]).longValue();
            if (checked > version) {
                return false; // a check of a newer state already happened (another replica, or a later tick)
            }
            if (fingerprint.equals(previous)) {
                em.createNativeQuery("update initiative_totals set checked_version = ?1 where id = 1")
                        .setParameter(1, version).executeUpdate();
                return false;
            }
            em.createNativeQuery("update initiative_totals set as_of = ?1, fingerprint = ?2, totals = ?3, changed_at = now(), "
                            + "checked_version = ?4 where id = 1")
                    .setParameter(1, r.asOf())
                    .setParameter(2, fingerprint)
                    .setParameter(3, body)
                    .setParameter(4, version)
                    .executeUpdate();
            events.totalsChanged(new TotalsChanged(r.asOf(), r.signatories(), r.countries().size(), metrics), actor);
            return true;
        });
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
