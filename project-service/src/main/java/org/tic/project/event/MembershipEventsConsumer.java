package org.tic.project.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tic.commons.event.IdempotentConsumer;
import org.tic.project.service.MembershipReadModel;

import java.util.concurrent.CompletionStage;

/**
 * Feeds membership.events into the cluster/organization read model. Each record is applied at most once
 * (processed_event, same transaction as the effect); an undecodable record, or one still failing after the bounded
 * retries, is thrown back so the channel's dead-letter strategy moves it to {@code project-service.dlq} and
 * consumption goes on. Records come in polled batches, applied in one transaction (IdempotentConsumer#consume),
 * in partition order.
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    /** The consumer name in processed_event: one per read model. */
    public static final String CONSUMER = "project-membership";

    private final IdempotentConsumer idempotent;
    private final MembershipReadModel readModel;

    public MembershipEventsConsumer(IdempotentConsumer idempotent, MembershipReadModel readModel) {
        this.idempotent = idempotent;
        this.readModel = readModel;
    }

    @Incoming("membership-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return idempotent.consume(CONSUMER, batch, readModel::apply);
    }
}
