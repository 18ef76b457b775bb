package org.tic.delivery.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.tic.delivery.config.DeliveryConfig;
import org.tic.delivery.domain.Change;
import org.tic.delivery.domain.Delivery;
import org.tic.delivery.domain.RetryPolicy;
import org.tic.delivery.domain.Subscription;
import org.tic.delivery.repository.ChangeRepository;
import org.tic.delivery.repository.DeliveryRepository;
import org.tic.delivery.repository.SubscriptionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns new changes into deliveries and sends the due ones. One loop per replica: it fans out each active
 * subscription's next changes (feed position, filters, the reader's rights), then claims due deliveries (the oldest
 * pending one per aggregate and subscription, so order per aggregate holds) into a bounded pool. A receiver that
 * hangs holds at most {@code per-subscription} threads for at most the request timeout; the others go on. Its own
 * loop (not a fixed-rate scheduler) so that a local commit wakes it at once.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int FAN_OUT_BATCH = 500;

    private final ChangeRepository changes;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final ChangeSignal signal;
    private final DeliveryConfig.Webhooks config;
    private final RetryPolicy retries;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** The active subscriptions as the last fan-out read them (a claim only returns deliveries of active ones). */
    private final Map<UUID, Subscription> active = new ConcurrentHashMap<>();
    private Semaphore slots;
    private ExecutorService pool;
    private volatile boolean running;
    private Thread loop;

    public WebhookDispatcher(ChangeRepository changes, SubscriptionRepository subscriptions, DeliveryRepository deliveries,
                             WebhookSender sender, ChangeSignal signal, DeliveryConfig config, Clock clock, MeterRegistry registry) {
        this.changes = changes;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sender = sender;
        this.signal = signal;
        this.config = config.webhooks();
        this.retries = new RetryPolicy(this.config.firstRetryDelay(), this.config.maxRetryDelay(), this.config.giveUpAfter());
        this.clock = clock;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.warn("Webhook delivery disabled (tic.delivery.webhooks.enabled=false): deliveries wait");
            return;
        }
        slots = new Semaphore(config.concurrency());
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(config.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            long seen = signal.generation();
            try {
                fanOut();
                dispatchDue();
            } catch (RuntimeException e) {
                LOG.warnf("Webhook dispatch round failed, will retry: %s", e.getMessage());
            }
            try {
                signal.awaitAfter(seen, config.pollInterval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Queues every active subscription's next changes. */
    void fanOut() {
        List<Subscription> current = subscriptions.active();
        active.keySet().retainAll(current.stream().map(Subscription::id).toList());
        for (Subscription s : current) {
            active.put(s.id(), s);
            List<Change> next = changes.page(s.nextChanges(FAN_OUT_BATCH));
            long head = next.isEmpty() ? s.feedPosition() : next.get(next.size() - 1).seq();
            if (!next.isEmpty()) {
                deliveries.fanOut(s.id(), next, head, Instant.now(clock));
            }
        }
    }

    /** Claims as many due deliveries as there are free senders and starts them. */
    void dispatchDue() {
        int free = slots.availablePermits();
        if (free == 0) {
            return;
        }
        Instant now = Instant.now(clock);
        Instant lease = now.plus(config.requestTimeout()).plus(config.connectTimeout()).plusSeconds(30);
        Set<UUID> saturated = Set.copyOf(inFlight.entrySet().stream()
                .filter(e -> e.getValue().get() >= config.perSubscription()).map(Map.Entry::getKey).toList());
        List<Delivery> claimed = deliveries.claimDue(now, lease, free, saturated);
        if (claimed.isEmpty()) {
            return;
        }
        // one read of the claimed changes' data per round, not one per delivery
        Map<Long, Change> data = changes.bySeqs(claimed.stream().map(Delivery::seq).toList());
        for (Delivery d : claimed) {
            Subscription s = active.get(d.subscriptionId());
            if (s == null) {
                s = subscriptions.find(d.subscriptionId()).orElse(null);
                if (s == null) {
                    continue; // deleted meanwhile (its deliveries go with it)
                }
            }
            Subscription subscription = s;
            Change change = data.get(d.seq());
            slots.acquireUninterruptibly();
            inFlight.computeIfAbsent(s.id(), k -> new AtomicInteger()).incrementAndGet();
            pool.execute(() -> {
                try {
                    attempt(subscription, d, change);
                } catch (RuntimeException e) {
                    LOG.warnf("Delivery %s to subscription %s failed to record: %s", d.id(), subscription.id(), e.getMessage());
                } finally {
                    inFlight.get(subscription.id()).decrementAndGet();
                    slots.release();
                    signal.changed(); // a finished delivery may unblock the next one of its aggregate
                }
            });
        }
    }

    void attempt(Subscription s, Delivery d, Change c) {
        Instant now = Instant.now(clock);
        if (c == null) {
            deliveries.failed(d.id(), now, null, "the change is no longer retained", 0, now, true);
            return;
        }
        WebhookSender.Outcome o = sender.send(s, c);
        Instant done = Instant.now(clock);
        Timer.builder("tic.webhook.delivery").tag("outcome", o.delivered() ? "delivered" : "failed")
                .register(registry).record(Duration.ofMillis(o.latencyMs()));
        if (o.delivered()) {
            deliveries.delivered(d.id(), done, o.statusCode(), o.latencyMs());
            if (s.failingSince() != null || d.attempts() > 0) {
                subscriptions.markHealthy(s.id());
            }
            Timer.builder("tic.webhook.lag").description("From the change's commit at its source to the receiver's answer")
                    .register(registry).record(Duration.between(c.occurredAt(), done));
            return;
        }
        Instant first = d.firstAttemptAt() == null ? now : d.firstAttemptAt();
        boolean dead = retries.givesUp(first, done);
        Instant next = done.plus(retries.delayAfter(d.attempts() + 1, () -> ThreadLocalRandom.current().nextDouble()));
        deliveries.failed(d.id(), done, o.statusCode(), o.error(), o.latencyMs(), next, dead);
        subscriptions.markFailing(s.id(), first);
        if (subscriptions.disableIfFailingSince(s.id(), done.minus(config.disableAfter()), done,
                "Deliveries have failed since " + first + " (over " + config.disableAfter() + "); last attempt: " + o.error())) {
            LOG.warnf("Webhook subscription %s disabled: failing for over %s (last: %s)", s.id(), config.disableAfter(), o.error());
        }
    }
}
