package org.tic.delivery.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tic.commons.event.IdempotentConsumer;
import org.tic.delivery.service.ChangeRecorder;
import org.tic.delivery.service.ChangeSignal;

import java.util.concurrent.CompletionStage;

/**
 * Records the events of the three topics as changes. Each is recorded at most once (processed_event, one consumer
 * name per topic, in the same transaction), batches as polled, partition order kept; a record that cannot be
 * recorded goes to {@code delivery-service.dlq} alone and consumption goes on. After each batch committed,
 * waiting long-polls are woken.
 */
@ApplicationScoped
public class ChangeEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final ChangeRecorder recorder;
    private final ChangeSignal signal;

    public ChangeEventsConsumer(IdempotentConsumer idempotent, ChangeRecorder recorder, ChangeSignal signal) {
        this.idempotent = idempotent;
        this.recorder = recorder;
        this.signal = signal;
    }

    @Incoming("membership-events")
    @Blocking
    public CompletionStage<Void> membership(KafkaRecordBatch<String, String> batch) {
        return record("delivery-membership", batch);
    }

    @Incoming("project-events")
    @Blocking
    public CompletionStage<Void> project(KafkaRecordBatch<String, String> batch) {
        return record("delivery-project", batch);
    }

    @Incoming("kpi-events")
    @Blocking
    public CompletionStage<Void> kpi(KafkaRecordBatch<String, String> batch) {
        return record("delivery-kpi", batch);
    }

    private CompletionStage<Void> record(String consumer, KafkaRecordBatch<String, String> batch) {
        // consume() applies the batch (committed) before it returns the stage that acknowledges it.
        CompletionStage<Void> acked = idempotent.consume(consumer, batch, recorder::record);
        signal.changed();
        return acked;
    }
}
