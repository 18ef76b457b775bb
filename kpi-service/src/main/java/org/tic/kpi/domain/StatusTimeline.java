package org.tic.kpi.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Rebuilds a cluster's status history (status, valid from, valid to) from the snapshots its events carried.
 * <p>
 * Each snapshot becomes a {@link Fact} keyed by the aggregate version, and the history is a pure function of the
 * set of facts, applied in version order: so it converges whatever order the events arrived in (a merge event,
 * keyed by the successor, can overtake a predecessor's own events) and a replay gives the same history.
 * <p>
 * A fact that changes the status starts the new status on:
 * <ol>
 *   <li>the event's explicit effective date (suspended, reinstated, withdrawn, merged);</li>
 *   <li>for a cluster becoming signatory without one: its {@code joinedDate}, or when only {@code joinedYear} is
 *       known, <b>1 January of that year</b> (see {@link #joinedStart});</li>
 *   <li>otherwise the day the event happened.</li>
 * </ol>
 * A status stated from date E replaces whatever the history said from E on (later knowledge wins for the dates
 * it speaks about; earlier dates keep what was known), e.g. a cluster registered as applicant today and
 * approved with {@code joinedYear} 2021 is a signatory from 2021-01-01.
 */
public final class StatusTimeline {

    /** Where a period's start came from; a start derived from a year only is approximate. */
    public enum Origin { EXPLICIT, JOINED_DATE, JOINED_YEAR, OBSERVED }

    /**
     * One snapshot of a cluster.
     *
     * @param explicitDate the event's effectiveDate, when it has one
     * @param observedDate the day the event happened (its ce_time)
     */
    public record Fact(long version, String status, LocalDate explicitDate, LocalDate joinedDate, Integer joinedYear,
                       LocalDate observedDate) {
        public Fact {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(observedDate, "observedDate");
        }
    }

    /** {@code to} is exclusive; null means still in effect. */
    public record Period(String status, LocalDate from, LocalDate to, Origin origin) {
        public boolean covers(LocalDate date) {
            return !from.isAfter(date) && (to == null || to.isAfter(date));
        }

        public boolean approximate() {
            return origin == Origin.JOINED_YEAR;
        }
    }

    private record Entry(LocalDate from, String status, Origin origin) {
    }

    private StatusTimeline() {
    }

    /**
     * When a cluster known only by its joining year counts as a signatory: from 1 January of that year. The
     * initiative announces new members in batches early in the year (World Economic Forum Annual Meeting in
     * January) or at COP in November, and its published counts include a year's joiners from January
     * (33 clusters on 2025-01-22 includes those listed as joining in 2025); counting from 31 December would
     * miss a whole year of members in every as-of answer. The start is marked approximate.
     */
    public static LocalDate joinedStart(LocalDate joinedDate, Integer joinedYear) {
        if (joinedDate != null) {
            return joinedDate;
        }
        return joinedYear == null ? null : LocalDate.of(joinedYear, 1, 1);
    }

    public static List<Period> build(Collection<Fact> facts) {
        List<Fact> ordered = new ArrayList<>(facts);
        ordered.sort(Comparator.comparingLong(Fact::version));
        List<Period> periods = List.of();
        for (Fact f : ordered) {
            periods = next(periods, f);
        }
        return periods;
    }

    /**
     * The history after one more fact whose version is higher than every fact already folded into {@code periods}:
     * {@link #build} is this step folded over the facts in version order. {@code periods} may also be only the tail
     * of the history from {@link #affectedFrom}: the step never looks further back, so the consumer reads and
     * rewrites a few rows per event instead of every fact the cluster ever had.
     */
    public static List<Period> next(List<Period> periods, Fact f) {
        List<Entry> entries = new ArrayList<>(periods.size() + 1);
        for (Period p : periods) {
            entries.add(new Entry(p.from(), p.status(), p.origin()));
        }
        Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        String current = last == null ? null : last.status();
        boolean sameStatus = f.status().equals(current);
        if (f.explicitDate() != null) {
            apply(entries, new Entry(f.explicitDate(), f.status(), Origin.EXPLICIT));
        } else if (!sameStatus) {
            apply(entries, start(f));
        } else if (ClusterStatuses.SIGNATORY.equals(f.status()) && isJoin(last)
                && (f.joinedDate() != null || f.joinedYear() != null)) {
            // Still a signatory, but the joining date/year may have been corrected: move the start of this stretch.
            Entry corrected = start(f);
            if (!corrected.from().equals(last.from()) || corrected.origin() != last.origin()) {
                entries.remove(entries.size() - 1);
                apply(entries, corrected);
            }
        }
        List<Period> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            LocalDate to = i + 1 < entries.size() ? entries.get(i + 1).from() : null;
            result.add(new Period(e.status(), e.from(), to, e.origin()));
        }
        return result;
    }

    /** The earliest date {@link #next} can change for this fact: periods ending before it are left as they are. */
    public static LocalDate affectedFrom(Fact f) {
        return f.explicitDate() != null ? f.explicitDate() : start(f).from();
    }

    /**
     * Where the tail that {@link #next} needs for {@code f} starts: one period before the first that is still in
     * effect on {@link #affectedFrom} (a corrected joining date may remove the last period and look at the one
     * before it). The repository selects the same rows in SQL.
     */
    public static int tailStart(List<Period> periods, Fact f) {
        LocalDate from = affectedFrom(f);
        for (int i = 0; i < periods.size(); i++) {
            LocalDate to = periods.get(i).to();
            if (to == null || !to.isBefore(from)) {
                return Math.max(0, i - 1);
            }
        }
        return Math.max(0, periods.size() - 1);
    }

    /** The status in effect on a date, or null before the first known status. */
    public static String statusOn(List<Period> periods, LocalDate date) {
        for (Period p : periods) {
            if (p.covers(date)) {
                return p.status();
            }
        }
        return null;
    }

    private static boolean isJoin(Entry e) {
        return e.origin() == Origin.JOINED_DATE || e.origin() == Origin.JOINED_YEAR || e.origin() == Origin.OBSERVED;
    }

    private static Entry start(Fact f) {
        if (ClusterStatuses.SIGNATORY.equals(f.status())) {
            if (f.joinedDate() != null) {
                return new Entry(f.joinedDate(), f.status(), Origin.JOINED_DATE);
            }
            if (f.joinedYear() != null) {
                return new Entry(joinedStart(null, f.joinedYear()), f.status(), Origin.JOINED_YEAR);
            }
        }
        return new Entry(f.observedDate(), f.status(), Origin.OBSERVED);
    }

    /** "From {@code e.from} on, the status is {@code e.status}": drops what was said about those dates, merges equal neighbours. */
    private static void apply(List<Entry> entries, Entry e) {
        entries.removeIf(x -> !x.from().isBefore(e.from()));
        Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (last != null && last.status().equals(e.status())) {
            return; // the status simply continues
        }
        entries.add(e);
    }
}
