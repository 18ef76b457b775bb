package org.tic.kpi.event;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tic.commons.event.EventHandler;
import org.tic.commons.event.IdempotentConsumer;
import org.tic.kpi.service.ClusterProjectionService;
import org.tic.kpi.service.InitiativeTotalsTracker;
import org.tic.kpi.service.PolicyProjectionService;

import java.util.concurrent.CompletionStage;

/** membership.events → the cluster read model (status history, merges) and the policy read model (adoptions). */
@ApplicationScoped
public class MembershipEventsConsumer {

    public static final String CONSUMER = "kpi-membership";

    private final IdempotentConsumer consumer;
    private final EventHandler handler;

    public MembershipEventsConsumer(IdempotentConsumer consumer, ClusterProjectionService clusters,
                                    PolicyProjectionService policies, InitiativeTotalsTracker totals) {
        this.consumer = consumer;
        // the roll-ups' data version is bumped once per transaction, just before its commit
        this.handler = totals.deferringBumps(e -> {
            if (!clusters.apply(e)) {
                policies.apply(e);
            }
        });
    }

    @Incoming("membership-events")
    @Blocking // ordered: one batch at a time, each in partition order
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, handler);
    }
}
