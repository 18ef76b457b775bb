package org.tic.commons.revision;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One version of a record as it was written: who, when, what changed, why, and the whole record as it then stood. */
public record Revision(
        @Schema(description = "1 for the first revision, then one more per change") int revision,
        @Schema(description = "The change event it was published with", example = "tic.membership.cluster.suspended.v1") String change,
        @Schema(description = "The record's version (its ETag) after the change; null where the record has none") Long version,
        Instant recordedAt,
        @Schema(description = "Token subject of the writer") String recordedBy,
        @Schema(description = "The operation's reason (status changes, merges) or the request's X-Change-Reason header") String reason,
        @Schema(description = "Top-level fields whose value differs from the previous revision (all of them for the first)") List<String> changed,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                description = "The record as it stood after the change, in the shape of its representation (null once deleted)") JsonNode record) {
}
