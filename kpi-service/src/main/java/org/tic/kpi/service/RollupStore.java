package org.tic.kpi.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.tic.commons.rules.RuleViolation;
import org.tic.kpi.config.KpiConfig;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.domain.RollupCalculator.Input;
import org.tic.kpi.domain.RollupCalculator.Rollup;
import org.tic.kpi.domain.RollupCombiner;
import org.tic.kpi.domain.RollupCombiner.PlainGroup;
import org.tic.kpi.repository.ClusterRecordRepository;
import org.tic.kpi.repository.ProjectRecordRepository;
import org.tic.kpi.repository.RollupChangeLog;
import org.tic.kpi.repository.RollupQueries;
import org.tic.kpi.repository.RollupQueries.Dimension;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Loads and caches the roll-up of a date ({@link RollupCombiner}: plain signatories aggregated in SQL, linked ones
 * evaluated in memory), each computed from one REPEATABLE READ snapshot together with the data version it reflects.
 * <ul>
 *   <li>today's is reused while the data version stays put (every change bumps it);</li>
 *   <li>a past date's is reused while no change since its version can touch that date ({@link RollupChangeLog}):
 *       today's reports leave last year's figures cached; a back-dated report, a status change or a merge does not.
 *       The most recently used {@code tic.kpi.rollups.cached-dates} dates are kept.</li>
 * </ul>
 * Nothing here holds one object per cluster: the cached parts are aggregates plus the few linked clusters.
 */
@ApplicationScoped
public class RollupStore {

    /**
     * The roll-up of one date at one data version. {@code derived} memoises what is computed from it (breakdowns,
     * indexes), valid as long as the roll-up itself.
     */
    public record Dated(LocalDate date, boolean current, long version, Input linkedInput, Rollup linked, PlainGroup plain,
                        Map<String, Object> derived) {

        @SuppressWarnings("unchecked")
        public <T> T derive(String key, Function<Dated, T> compute) {
            return (T) derived.computeIfAbsent(key, k -> compute.apply(this));
        }

        public RollupCombiner.Initiative initiative() {
            return derive("initiative", d -> RollupCombiner.initiative(d.plain(), d.linked()));
        }

        Dated at(long newVersion) {
            return new Dated(date, current, newVersion, linkedInput, linked, plain, derived);
        }
    }

    /** A derived part was read at a newer state than the roll-up it belongs to: start again from a fresh one. */
    private static final class Stale extends RuntimeException {
        Stale() {
            super(null, null, false, false);
        }
    }

    private final RollupQueries queries;
    private final RollupChangeLog changes;
    private final ClusterRecordRepository clusters;
    private final ProjectRecordRepository projects;
    private final EntityManager em;
    private final Clock clock;
    private volatile Dated today;
    private final Map<LocalDate, Dated> past;
    private final Map<LocalDate, Object> loading = new ConcurrentHashMap<>();

    public RollupStore(RollupQueries queries, RollupChangeLog changes, ClusterRecordRepository clusters,
                       ProjectRecordRepository projects, EntityManager em, Clock clock, KpiConfig config) {
        this.queries = queries;
        this.changes = changes;
        this.clusters = clusters;
        this.projects = projects;
        this.em = em;
        this.clock = clock;
        int max = Math.max(1, config.rollups().cachedDates());
        this.past = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LocalDate, Dated> eldest) {
                return size() > max;
            }
        });
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public long dataVersion() {
        return changes.dataVersion();
    }

    /** The date asked for, today when null; never a future date. */
    public LocalDate dateOf(LocalDate asOf) {
        LocalDate today = today();
        LocalDate d = asOf == null ? today : asOf;
        if (d.isAfter(today)) {
            throw RuleViolation.invalid("asOf", "must not be in the future");
        }
        return d;
    }

    /** The roll-up of a date (null = today), reused while still exact. */
    public Dated at(LocalDate asOf) {
        LocalDate d = dateOf(asOf);
        boolean current = d.equals(today());
        Dated cached = current ? today : past.get(d);
        if (cached != null && cached.date().equals(d)) {
            Dated valid = stillValid(cached);
            if (valid != null) {
                return valid;
            }
        }
        synchronized (loading.computeIfAbsent(d, k -> new Object())) { // one computation per date, others wait for it
            cached = current ? today : past.get(d);
            if (cached != null && cached.date().equals(d)) {
                Dated valid = stillValid(cached);
                if (valid != null) {
                    return valid;
                }
            }
            Dated fresh = load(d, current);
            if (current) {
                today = fresh;
            } else {
                past.put(d, fresh);
            }
            return fresh;
        }
    }

    /**
     * Reads something more of a roll-up (e.g. plain groups by country) and memoises it, checking in the same snapshot
     * that the roll-up is still exact; when it is not, the caller gets the answer from a fresh roll-up.
     */
    public <T> T derived(LocalDate asOf, String key, java.util.function.BiFunction<Dated, RollupQueries, T> read) {
        for (int attempt = 0; ; attempt++) {
            Dated r = at(asOf);
            try {
                return r.derive(key, d -> inSnapshot(() -> {
                    if (stillValidInTransaction(d) == null) {
                        throw new Stale();
                    }
                    return read.apply(d, queries);
                }));
            } catch (Stale e) {
                if (attempt >= 3) {
                    throw new IllegalStateException("Roll-up inputs keep changing; try again");
                }
                invalidate(r);
            }
        }
    }

    /** The plain signatories grouped by a cluster attribute, for the roll-up of a date. */
    public Collection<PlainGroup> plainGroups(LocalDate asOf, Dimension dim) {
        return derived(asOf, "plain:" + dim, (d, q) -> q.plainGroups(d.date(), d.current(), dim).values());
    }

    private void invalidate(Dated r) {
        if (r.current()) {
            if (today == r) {
                today = null;
            }
        } else {
            past.remove(r.date(), r);
        }
    }

    private Dated stillValid(Dated cached) {
        return inSnapshot(() -> stillValidInTransaction(cached));
    }

    /** The roll-up as valid now (possibly at a newer version), or null when it must be recomputed. */
    private Dated stillValidInTransaction(Dated cached) {
        if (cached.current()) {
            return changes.dataVersion() == cached.version() && cached.date().equals(today()) ? cached : null;
        }
        RollupChangeLog.Since since = changes.since(cached.version(), cached.date());
        if (since.touches()) {
            return null;
        }
        if (since.current() == cached.version()) {
            return cached;
        }
        Dated advanced = cached.at(since.current()); // later checks scan only the changes after this one
        past.replace(cached.date(), cached, advanced);
        return advanced;
    }

    private Dated load(LocalDate d, boolean current) {
        return inSnapshot(() -> {
            long version = changes.dataVersion();
            Input linkedInput = new Input(d, queries.linkedSignatoriesOn(d), clusters.merges(), projects.allInfos(),
                    queries.linkedValues(d, current));
            PlainGroup plain = queries.plainGroups(d, current, Dimension.ALL)
                    .getOrDefault(RollupCombiner.ALL, PlainGroup.empty(RollupCombiner.ALL));
            return new Dated(d, current, version, linkedInput, RollupCalculator.compute(linkedInput), plain,
                    new ConcurrentHashMap<>());
        });
    }

    /** Every read of one roll-up from one committed state, with the version that state carries. */
    private <T> T inSnapshot(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
            return work.call();
        });
    }
}
