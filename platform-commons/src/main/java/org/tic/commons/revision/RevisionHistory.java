package org.tic.commons.revision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A record's revisions: all of them, oldest first, or (with asOf) the one that stood at the end of that date. */
public record RevisionHistory(
        @Schema(example = "cluster") String recordType,
        String recordId,
        @Schema(description = "When asked for one date: that date (revisions then holds the one that stood)") LocalDate asOf,
        List<Revision> revisions) {

    public static RevisionHistory of(String recordType, Object recordId, LocalDate asOf, List<Revision> revisions) {
        return new RevisionHistory(recordType, String.valueOf(recordId), asOf, List.copyOf(revisions));
    }

    /** The revisions without who wrote them (for callers who may not see token subjects). */
    public static List<Revision> anonymous(List<Revision> revisions) {
        return revisions.stream().map(r -> new Revision(r.revision(), r.change(), r.version(), r.recordedAt(), null,
                r.reason(), r.changed(), r.record())).toList();
    }
}
