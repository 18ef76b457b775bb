package org.tic.project.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tic.commons.event.IdempotentConsumer;
import org.tic.project.service.MembershipReadModel;

/**
 * Feeds membership.events into the cluster/organization read model. Each record is applied at most once
 * (processed_event, same transaction as the effect); an undecodable record, or one still failing after the bounded
 * retries, is thrown back so the channel's dead-letter strategy moves it to {@code project-service.dlq} and
 * consumption goes on. Records are handled one at a time, in partition order.
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
    public void consume(ConsumerRecord<String, String> record) {
        idempotent.process(CONSUMER, record, readModel::apply);
    }
}
