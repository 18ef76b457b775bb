package org.tic.kpi.event;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tic.commons.event.IdempotentConsumer;
import org.tic.kpi.service.ProjectProjectionService;

import java.util.concurrent.CompletionStage;

/** project.events → the project read model (stage, FID, capacity, CO2e estimate, clusters). */
@ApplicationScoped
public class ProjectEventsConsumer {

    public static final String CONSUMER = "kpi-projects";

    private final IdempotentConsumer consumer;
    private final ProjectProjectionService projection;

    public ProjectEventsConsumer(IdempotentConsumer consumer, ProjectProjectionService projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming("project-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, projection::apply);
    }
}
