package org.tic.delivery.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.delivery.domain.Change;
import org.tic.delivery.domain.Cursor;

import java.time.Instant;
import java.util.UUID;

/** One change as partners read it: the CloudEvent's attributes and its data, and where to resume after it. */
@JsonPropertyOrder({"cursor", "id", "type", "source", "subject", "aggregateType", "time", "actor", "recordedAt", "data"})
@Schema(name = "Change", description = "An event of membership-, project- or kpi-service (CloudEvents attributes and data, "
        + "as on the Kafka topics and in the services' AsyncAPI documents)")
public record ChangeView(
        @Schema(description = "Opaque position of this change: pass it as after= to read what follows", example = "YzE6NDI")
        String cursor,
        @Schema(description = "CloudEvents id: the idempotency key (a change is never listed twice, but a partner resuming "
                + "from an older cursor sees it again)") UUID id,
        @Schema(example = "tic.membership.cluster.joined.v1") String type,
        @Schema(example = "/tic/membership-service") String source,
        @Schema(description = "The aggregate id; changes of one aggregate are listed in the order they happened")
        String subject,
        @Schema(example = "cluster") String aggregateType,
        @Schema(description = "When it happened at its source") Instant time,
        @Schema(description = "Token subject that caused it, when one did") String actor,
        @Schema(description = "When the feed recorded it") Instant recordedAt,
        @Schema(type = SchemaType.OBJECT, description = "The event data, as documented for its type in the AsyncAPI documents")
        @JsonRawValue String data) {

    public static ChangeView of(Change c) {
        return new ChangeView(Cursor.of(c.seq()), c.eventId(), c.type(), c.source(), c.subject(), c.aggregateType(),
                c.occurredAt(), c.actor(), c.recordedAt(), c.dataJson());
    }
}
