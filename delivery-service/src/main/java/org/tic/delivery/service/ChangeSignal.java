package org.tic.delivery.service;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.tic.delivery.config.DeliveryConfig;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Wakes long-polls when this replica recorded changes. Changes recorded by another replica are found by the
 * waiters' own re-read every second, so nothing depends on the wake-up but its speed.
 */
@ApplicationScoped
public class ChangeSignal {

    static final Duration RECHECK = Duration.ofSeconds(1);

    private final Object monitor = new Object();
    private final Semaphore waiters;
    private long generation;
    private volatile boolean stopping;

    public ChangeSignal(DeliveryConfig config) {
        this.waiters = new Semaphore(config.changes().maxWaiting());
    }

    /** A transaction that recorded changes committed. */
    public void changed() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    /** Read before looking for changes; {@link #awaitAfter} then cannot miss one committed in between. */
    public long generation() {
        synchronized (monitor) {
            return generation;
        }
    }

    /** A place among the waiters, or false when they are all taken (the caller answers at once). */
    public boolean enter() {
        return !stopping && waiters.tryAcquire();
    }

    public void leave() {
        waiters.release();
    }

    /** Waits until a change after {@code seen} was signalled, at most {@code max} and never past a recheck period. */
    public void awaitAfter(long seen, Duration max) throws InterruptedException {
        long until = System.nanoTime() + Math.min(max.toNanos(), RECHECK.toNanos());
        synchronized (monitor) {
            while (generation == seen && !stopping) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /** Shutdown answers the waiting long-polls now instead of holding the shutdown for their wait. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
