package org.tic.delivery.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.delivery.domain.Delivery;

import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Delivery", description = "One change for one subscription: where it stands")
public record DeliveryView(
        UUID id,
        @Schema(description = "The event id: webhook-id and ce-id of every attempt") UUID eventId, String eventType,
        String subject,
        @Schema(enumeration = {"PENDING", "DELIVERED", "DEAD"}, description = "DEAD: given up after the retry period; "
                + "redeliver puts it back") String status,
        int attempts, Instant nextAttemptAt, Instant firstAttemptAt, Instant lastAttemptAt,
        @Schema(description = "The receiver's last HTTP status (none when it did not answer)") Integer lastStatusCode,
        String lastError,
        @Schema(description = "Milliseconds the last attempt took") Integer lastLatencyMs, Instant deliveredAt,
        Instant createdAt) {

    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.subject(), d.status().name(), d.attempts(),
                d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null, d.firstAttemptAt(), d.lastAttemptAt(),
                d.lastStatusCode(), d.lastError(), d.lastLatencyMs(), d.deliveredAt(), d.createdAt());
    }
}
