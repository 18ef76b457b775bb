package org.tic.commons.kernel;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tic.commons.event.IdempotentConsumer;
import org.tic.commons.event.IncomingEvent;
import org.tic.commons.event.PoisonEventException;

import java.util.concurrent.CompletionStage;

/**
 * A consumer as the services write them, over the kernel tests' topic: each event's effect is one kernel_effect row.
 * Data {@code {"note": "poison"}} is an event that can never apply; {@code {"note": "fail"}} one whose effect fails.
 */
@ApplicationScoped
public class KernelEventsConsumer {

    public static final String CONSUMER = "commons-kernel";

    private final IdempotentConsumer consumer;
    private final EntityManager em;

    public KernelEventsConsumer(IdempotentConsumer consumer, EntityManager em) {
        this.consumer = consumer;
        this.em = em;
    }

    @Incoming("kernel-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, this::apply);
    }

    public void apply(IncomingEvent event) {
        String note = event.data().path("note").asText();
        if (note.equals("poison")) {
            throw new PoisonEventException("kernel test: poison");
        }
        if (note.equals("fail")) {
            throw new IllegalStateException("kernel test: the effect fails");
        }
        em.createNativeQuery("insert into kernel_effect (event_id, note) values (?1, ?2)")
                .setParameter(1, event.id()).setParameter(2, note).executeUpdate();
    }
}
