package org.tic.commons.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Deletes published outbox rows after the retention period (harmless when several replicas run it). */
@ApplicationScoped
public class OutboxCleaner {

    private final EntityManager em;
    private final OutboxConfig config;

    private final Clock clock;

    public OutboxCleaner(EntityManager em, OutboxConfig config, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.config = config;
    }

    @Scheduled(every = "${tic.outbox.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        deletePublishedBefore(clock.instant().minus(config.retention()));
    }

    @Transactional
    public int deletePublishedBefore(Instant cutoff) {
        return em.createQuery("delete from OutboxEvent e where e.publishedAt is not null and e.publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
