package org.tic.kpi.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which report version stands for a subject (cluster or project) and bucket on a date.
 * <p>
 * A version <em>stands</em> on date D when it was reported on or before D and not yet superseded on D (its
 * successor's {@code reportedOn} is after D). Of the versions standing for the same subject and bucket (several
 * periods may be reported, e.g. 2023 and 2024), the one covering the latest period wins, then the latest
 * reported, then the latest recorded. The maintained current-value table applies the same preference to the
 * current versions, so "today" and "as of today" agree.
 */
public final class ValueSelector {

    /** A report version as the selection sees it. */
    public interface Candidate {
        SubjectType subjectType();

        UUID subjectId();

        String bucketKey();

        UUID reportId();

        LocalDate reportedOn();

        /** The superseding version's reportedOn, or null while current. */
        LocalDate validTo();

        LocalDate periodEnd();

        Instant recordedAt();
    }

    public static final Comparator<Candidate> PREFERENCE = Comparator.comparing(Candidate::periodEnd)
            .thenComparing(Candidate::reportedOn)
            .thenComparing(Candidate::recordedAt)
            // as text: the byte order PostgreSQL sorts uuids in, so SQL and Java pick the same version
            .thenComparing(c -> c.reportId().toString());

    private ValueSelector() {
    }

    public static boolean standsOn(Candidate c, LocalDate date) {
        return !c.reportedOn().isAfter(date) && (c.validTo() == null || c.validTo().isAfter(date));
    }

    /** The preferred candidate among versions of one subject and bucket. */
    public static <T extends Candidate> Optional<T> best(Collection<T> candidates) {
        return candidates.stream().max(PREFERENCE);
    }

    /** One version per subject and bucket: the one that stood on {@code date}. */
    public static <T extends Candidate> List<T> selectOn(Collection<T> versions, LocalDate date) {
        Map<String, T> chosen = new HashMap<>();
        for (T v : versions) {
            if (!standsOn(v, date)) {
                continue;
            }
            String key = v.subjectType() + ":" + v.subjectId() + ":" + v.bucketKey();
            T other = chosen.get(key);
            if (other == null || PREFERENCE.compare(v, other) > 0) {
                chosen.put(key, v);
            }
        }
        return new ArrayList<>(chosen.values());
    }
}
