package org.tic.commons.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemException;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads a record's revisions from the service's {@code record_revision} table: all of them, or the one of a date. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RevisionReader {

    private final EntityManager em;
    private final ObjectMapper json;

    public RevisionReader(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Every revision, oldest first. */
    public List<Revision> history(String recordType, Object recordId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select change, version, recorded_at, recorded_by, reason, array_to_string(changed, ','), snapshot::text
                        from record_revision where record_type = ?1 and record_id = ?2 order by id""")
                .setParameter(1, recordType).setParameter(2, String.valueOf(recordId)).getResultList();
        List<Revision> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Revision(out.size() + 1, (String) r[0], r[1] == null ? null : ((Number) r[1]).longValue(),
                    instant(r[2]), (String) r[3], (String) r[4],
                    r[5] == null || ((String) r[5]).isEmpty() ? List.of() : Arrays.asList(((String) r[5]).split(",")),
                    tree((String) r[6])));
        }
        return out;
    }

    /** Of a history (oldest first), the revision that stood at the end of {@code date} (UTC). */
    public Optional<Revision> standingOn(List<Revision> history, LocalDate date) {
        Instant end = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Revision standing = null;
        for (Revision r : history) {
            if (r.recordedAt().isBefore(end)) {
                standing = r;
            }
        }
        return Optional.ofNullable(standing);
    }

    /**
     * A history as a caller sees it: all of it, or with {@code asOf} the revision standing on that date (404 when the
     * record was not recorded yet), writers left out unless {@code withWriters}.
     *
     * @param what names the record in the 404, e.g. "Cluster 3f1c…"
     */
    public RevisionHistory view(String recordType, Object recordId, List<Revision> all, String what, LocalDate asOf,
                                boolean withWriters) {
        List<Revision> shown = asOf == null ? all : standingOn(all, asOf).map(List::of).orElseThrow(() ->
                new ProblemException(new Problem("not-found", "Not recorded yet", 404,
                        what + " was not recorded yet on " + asOf, null)));
        return RevisionHistory.of(recordType, recordId, asOf, withWriters ? shown : RevisionHistory.anonymous(shown));
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String s) {
        try {
            return s == null ? null : json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) v).toInstant();
    }
}
