package org.tic.kpi.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tic.commons.event.IdempotentConsumer;
import org.tic.kpi.service.ClusterProjectionService;

/** membership.events → the cluster read model (status history, merges). */
@ApplicationScoped
public class MembershipEventsConsumer {

    public static final String CONSUMER = "kpi-membership";

    private final IdempotentConsumer consumer;
    private final ClusterProjectionService projection;

    public MembershipEventsConsumer(IdempotentConsumer consumer, ClusterProjectionService projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming("membership-events")
    @Blocking // ordered: one event at a time, in partition order
    public void consume(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, projection::apply);
    }
}
