package org.tic.kpi.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The roll-ups' data version ({@code initiative_totals.data_version}) and, per bump, the earliest date the change can
 * affect ({@code rollup_change}): what lets a roll-up of a past date outlive changes that only touch later dates.
 */
@ApplicationScoped
public class RollupChangeLog {

    /** What a reader needs to know about the changes since its own version. */
    public record Since(long current, boolean touches) {
    }

    private final EntityManager em;

    public RollupChangeLog(EntityManager em) {
        this.em = em;
    }

    public long dataVersion() {
        return ((Number) em.createNativeQuery("select data_version from initiative_totals where id = 1")
                .getSingleResult()).longValue();
    }

    /**
     * Bumps the version and records what the change can affect: dates from {@code affectedFrom} on (null: every date).
     * The bump holds the single initiative_totals row until commit, which orders concurrent writers' versions.
     */
    public void bump(LocalDate affectedFrom) {
        String from = affectedFrom == null ? "null::date" : "cast(?1 as date)";
        var q = em.createNativeQuery("""
                with v as (update initiative_totals set data_version = data_version + 1 where id = 1 returning data_version)
                insert into rollup_change (data_version, affected_from) select data_version, %s from v""".formatted(from));
        if (affectedFrom != null) {
            q.setParameter(1, affectedFrom);
        }
        q.executeUpdate();
    }

    /**
     * Since {@code version}: the current version, and whether any change since may touch {@code date} — also when a
     * bump left no row (pruned, or made outside this class), since then nobody can say what it touched.
     */
    public Since since(long version, LocalDate date) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        select t.data_version,
                               (select count(*) from rollup_change c where c.data_version > ?1),
                               (select count(*) from rollup_change c where c.data_version > ?1
                                  and (c.affected_from is null or c.affected_from <= ?2))
                        from initiative_totals t where t.id = 1""")
                .setParameter(1, version).setParameter(2, date).getSingleResult();
        long current = ((Number) r[0]).longValue();
        long logged = ((Number) r[1]).longValue();
        long touching = ((Number) r[2]).longValue();
        return new Since(current, current != version && (logged != current - version || touching > 0));
    }

    /** Drops rows older than the retention (readers holding older versions then recompute: see {@link #since}). */
    public int prune(Duration retention) {
        return em.createNativeQuery("delete from rollup_change where changed_at < now() - cast(?1 as interval)")
                .setParameter(1, retention.toSeconds() + " seconds").executeUpdate();
    }
}
