package org.tic.kpi.event;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tic.commons.event.EventHandler;
import org.tic.commons.event.IdempotentConsumer;
import org.tic.kpi.service.InitiativeTotalsTracker;
import org.tic.kpi.service.ProjectProjectionService;

import java.util.concurrent.CompletionStage;

/** project.events → the project read model (stage, FID, capacity, CO2e estimate, clusters). */
@ApplicationScoped
public class ProjectEventsConsumer {

    public static final String CONSUMER = "kpi-projects";

    private final IdempotentConsumer consumer;
    private final EventHandler handler;

    public ProjectEventsConsumer(IdempotentConsumer consumer, ProjectProjectionService projection, InitiativeTotalsTracker totals) {
        this.consumer = consumer;
        // the roll-ups' data version is bumped once per transaction, just before its commit
        this.handler = totals.deferringBumps(projection::apply);
    }

    @Incoming("project-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, handler);
    }
}
