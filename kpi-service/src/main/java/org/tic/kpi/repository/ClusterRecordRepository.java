package org.tic.kpi.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import org.tic.kpi.domain.ClusterRecord;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.domain.StatusTimeline;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The cluster read model: latest snapshots, the facts their status history is built from, periods and merges. */
@ApplicationScoped
public class ClusterRecordRepository implements PanacheRepositoryBase<ClusterRecord, UUID> {

    public record SignatoryPeriod(UUID clusterId, LocalDate from, LocalDate to) {
        public boolean covers(LocalDate d) {
            return !from.isAfter(d) && (to == null || to.isAfter(d));
        }
    }

    public Optional<ClusterRecord> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /**
     * A statement on the status facts and periods. Only native statements write those tables (no entity maps them),
     * so no pending entity change can affect one: it skips Hibernate's auto-flush, a dirty check of every managed
     * entity before each statement, which was most of the consumer's CPU in the benchmark's profile.
     */
    private Query statusQuery(String sql) {
        return getEntityManager().createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
    }

    public void recordFact(UUID clusterId, StatusTimeline.Fact fact, String eventType) {
        // The same version seen twice (e.g. in its own event and in a merge event) keeps an explicit date if either had one.
        statusQuery("""
                        insert into cluster_status_fact (cluster_id, version, status, explicit_date, joined_date, joined_year,
                                                         observed_date, event_type)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (cluster_id, version) do update
                            set explicit_date = coalesce(cluster_status_fact.explicit_date, excluded.explicit_date)
                        """)
                .setParameter(1, clusterId)
                .setParameter(2, fact.version())
                .setParameter(3, fact.status())
                .setParameter(4, fact.explicitDate())
                .setParameter(5, fact.joinedDate())
                .setParameter(6, fact.joinedYear())
                .setParameter(7, fact.observedDate())
                .setParameter(8, eventType)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<StatusTimeline.Fact> facts(UUID clusterId) {
        List<Object[]> rows = statusQuery("""
                        select version, status, explicit_date, joined_date, joined_year, observed_date
                        from cluster_status_fact where cluster_id = ?1 order by version""")
                .setParameter(1, clusterId)
                .getResultList();
        List<StatusTimeline.Fact> facts = new ArrayList<>();
        for (Object[] r : rows) {
            facts.add(new StatusTimeline.Fact(((Number) r[0]).longValue(), (String) r[1], date(r[2]), date(r[3]),
                    r[4] == null ? null : ((Number) r[4]).intValue(), date(r[5])));
        }
        return facts;
    }

    /** The tail of a cluster's stored periods from {@code firstSeq} on. */
    public record PeriodTail(int firstSeq, List<StatusTimeline.Period> periods) {
    }

    /** The highest fact version stored for the cluster, or -1 when none is. */
    public long lastFactVersion(UUID clusterId) {
        Number v = (Number) statusQuery(
                        "select coalesce(max(version), -1) from cluster_status_fact where cluster_id = ?1")
                .setParameter(1, clusterId)
                .getSingleResult();
        return v.longValue();
    }

    /**
     * The periods {@link StatusTimeline#next} needs for a fact affecting dates from {@code from} on: the same rows
     * as {@link StatusTimeline#tailStart} (one before the first period still in effect on that date, and all after).
     */
    @SuppressWarnings("unchecked")
    public PeriodTail periodTail(UUID clusterId, LocalDate from) {
        List<Object[]> rows = statusQuery("""
                        select seq, status, valid_from, valid_to, origin from cluster_status_period
                        where cluster_id = ?1
                          and seq >= coalesce((select min(seq) from cluster_status_period
                                               where cluster_id = ?1 and (valid_to is null or valid_to >= ?2)), 0) - 1
                        order by seq""")
                .setParameter(1, clusterId)
                .setParameter(2, from)
                .getResultList();
        List<StatusTimeline.Period> periods = new ArrayList<>(rows.size());
        int first = 0;
        for (Object[] r : rows) {
            if (periods.isEmpty()) {
                first = ((Number) r[0]).intValue();
            }
            periods.add(new StatusTimeline.Period((String) r[1], date(r[2]), date(r[3]),
                    StatusTimeline.Origin.valueOf((String) r[4])));
        }
        return new PeriodTail(first, periods);
    }

    /** Stores a cluster's periods rebuilt from all its facts. */
    public void replacePeriods(UUID clusterId, List<StatusTimeline.Period> periods) {
        replaceTail(clusterId, new PeriodTail(0, periods(clusterId)), periods);
    }

    /**
     * Replaces the stored tail by {@code periods}, writing only from the first one that differs: a new status
     * usually changes the last period or adds one, so an event costs a few statements, not a rewrite of the
     * whole history.
     */
    public void replaceTail(UUID clusterId, PeriodTail stored, List<StatusTimeline.Period> periods) {
        List<StatusTimeline.Period> old = stored.periods();
        int same = 0;
        while (same < old.size() && same < periods.size() && old.get(same).equals(periods.get(same))) {
            same++;
        }
        if (same == old.size() && same == periods.size()) {
            return;
        }
        int firstChanged = stored.firstSeq() + same;
        if (same < old.size()) {
            statusQuery("delete from cluster_status_period where cluster_id = ?1 and seq >= ?2")
                    .setParameter(1, clusterId).setParameter(2, firstChanged).executeUpdate();
        }
        for (int i = same; i < periods.size(); i++) {
            StatusTimeline.Period p = periods.get(i);
            statusQuery("""
                            insert into cluster_status_period (cluster_id, seq, status, valid_from, valid_to, origin)
                            values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, clusterId)
                    .setParameter(2, stored.firstSeq() + i)
                    .setParameter(3, p.status())
                    .setParameter(4, p.from())
                    .setParameter(5, p.to())
                    .setParameter(6, p.origin().name())
                    .executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    public List<StatusTimeline.Period> periods(UUID clusterId) {
        List<Object[]> rows = statusQuery("""
                        select status, valid_from, valid_to, origin from cluster_status_period
                        where cluster_id = ?1 order by seq""")
                .setParameter(1, clusterId)
                .getResultList();
        List<StatusTimeline.Period> periods = new ArrayList<>();
        for (Object[] r : rows) {
            periods.add(new StatusTimeline.Period((String) r[0], date(r[1]), date(r[2]),
                    StatusTimeline.Origin.valueOf((String) r[3])));
        }
        return periods;
    }

    /**
     * The clusters whose status was SIGNATORY on the date: one statement (a semi-join on the signatory periods) read
     * into the roll-up's projection, not managed entities; no id list, so no limit from the protocol's 65,535 bind
     * parameters (the benchmark's 100,000 clusters hit it) and no persistence context to fill.
     */
    @SuppressWarnings("unchecked")
    public List<RollupCalculator.ClusterInfo> signatoriesOn(LocalDate date) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select c.id, c.name, c.country, c.world_region, c.type, array_to_string(c.sectors, chr(31)),
                               coalesce(c.joined_year, extract(year from c.joined_date)::int)
                        from cluster_record c
                        where exists (select 1 from cluster_status_period p
                                      where p.cluster_id = c.id and p.status = 'SIGNATORY' and p.valid_from <= ?1
                                        and (p.valid_to is null or p.valid_to > ?1))""")
                .setParameter(1, date)
                .getResultList();
        return rows.stream().map(ClusterRecordRepository::info).toList();
    }

    /** A row of (id, name, country, world_region, type, sectors joined by U+001F, joining year) as the roll-up's projection. */
    static RollupCalculator.ClusterInfo info(Object[] r) {
        String sectors = (String) r[5];
        return new RollupCalculator.ClusterInfo((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                sectors == null || sectors.isEmpty() ? List.of() : List.of(sectors.split("\u001f")),
                r[6] == null ? null : ((Number) r[6]).intValue());
    }

    /** Signatories on the date whose start is only known by year (counted from 1 January). */
    public int yearOnlySignatoriesOn(LocalDate date) {
        return ((Number) getEntityManager().createNativeQuery("""
                        select count(distinct cluster_id) from cluster_status_period
                        where status = 'SIGNATORY' and origin = 'JOINED_YEAR' and valid_from <= ?1
                          and (valid_to is null or valid_to > ?1)""")
                .setParameter(1, date)
                .getSingleResult()).intValue();
    }

    /** Every signatory period (for time series, evaluated in memory at each date). */
    @SuppressWarnings("unchecked")
    public List<SignatoryPeriod> signatoryPeriods() {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select cluster_id, valid_from, valid_to from cluster_status_period where status = 'SIGNATORY'""")
                .getResultList();
        List<SignatoryPeriod> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(new SignatoryPeriod((UUID) r[0], date(r[1]), date(r[2])));
        }
        return result;
    }

    public Map<UUID, RollupCalculator.ClusterInfo> allInfos() {
        Map<UUID, RollupCalculator.ClusterInfo> map = new HashMap<>();
        listAll().forEach(c -> map.put(c.id, c.info()));
        return map;
    }

    public void recordMerge(UUID mergeId, UUID predecessorId, UUID successorId, LocalDate effectiveDate) {
        getEntityManager().createNativeQuery("""
                        insert into cluster_merge (merge_id, predecessor_id, successor_id, effective_date)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, mergeId)
                .setParameter(2, predecessorId)
                .setParameter(3, successorId)
                .setParameter(4, effectiveDate)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<RollupCalculator.Merge> merges() {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "select predecessor_id, successor_id, effective_date from cluster_merge").getResultList();
        List<RollupCalculator.Merge> merges = new ArrayList<>();
        for (Object[] r : rows) {
            merges.add(new RollupCalculator.Merge((UUID) r[0], (UUID) r[1], date(r[2])));
        }
        return merges;
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((Date) o).toLocalDate();
    }
}
