package org.tic.delivery.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.tic.delivery.config.DeliveryConfig;
import org.tic.delivery.repository.ChangeRepository;

import java.time.Clock;
import java.time.Instant;

/** Deletes changes older than the retention, oldest first, in short chunks (any replica; deletes are idempotent). */
@ApplicationScoped
public class ChangeRetention {

    private static final Logger LOG = Logger.getLogger(ChangeRetention.class);

    private final ChangeRepository changes;
    private final DeliveryConfig config;
    private final Clock clock;

    public ChangeRetention(ChangeRepository changes, DeliveryConfig config, Clock clock) {
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${tic.delivery.changes.retention-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int deleted = deleteOlderThan(Instant.now(clock).minus(config.changes().retention()));
        if (deleted > 0) {
            LOG.infof("Change feed retention deleted %d changes older than %s", deleted, config.changes().retention());
        }
    }

    /** @return how many changes recorded before {@code cutoff} were deleted */
    public int deleteOlderThan(Instant cutoff) {
        int total = 0;
        int n;
        do {
            n = changes.deleteChunk(cutoff, config.changes().retentionChunk());
            total += n;
        } while (n == config.changes().retentionChunk());
        return total;
    }
}
