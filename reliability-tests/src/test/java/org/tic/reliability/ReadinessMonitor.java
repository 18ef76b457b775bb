package org.tic.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Polls each service's /q/health/ready a few times a second and keeps the transitions (time, status). */
public final class ReadinessMonitor implements AutoCloseable {

    /** status: the HTTP status, or -1 for a refused / cut / timed-out probe. */
    public record Sample(long millis, int status, String phase) {
    }

    private final Map<String, String> baseUrls;
    private final LongSupplier clock;
    private final java.util.function.Supplier<String> phase;
    private final Http http = new Http(Duration.ofSeconds(2), null);
    private final Map<String, List<Sample>> transitions = new LinkedHashMap<>();
    private final Map<String, Integer> current = new LinkedHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "readiness-monitor");
        t.setDaemon(true);
        return t;
    });

    public ReadinessMonitor(Map<String, String> baseUrls, LongSupplier clock, java.util.function.Supplier<String> phase) {
        this.baseUrls = baseUrls;
        this.clock = clock;
        this.phase = phase;
        baseUrls.keySet().forEach(s -> transitions.put(s, new ArrayList<>()));
    }

    public ReadinessMonitor start() {
        executor.scheduleWithFixedDelay(this::probe, 0, 250, TimeUnit.MILLISECONDS);
        return this;
    }

    private void probe() {
        for (Map.Entry<String, String> e : baseUrls.entrySet()) {
            Http.Result r = http.get(e.getValue() + "/q/health/ready");
            int status = r.failure() != null ? -1 : r.status();
            synchronized (this) {
                Integer before = current.put(e.getKey(), status);
                if (before == null || before != status) {
                    transitions.get(e.getKey()).add(new Sample(clock.getAsLong(), status, phase.get()));
                }
            }
        }
    }

    public synchronized Integer status(String service) {
        return current.get(service);
    }

    public synchronized List<Sample> transitions(String service) {
        return new ArrayList<>(transitions.get(service));
    }

    /** Whether the service was seen not ready (any status but 200) at some time in [from, to]. */
    public synchronized boolean wasDownBetween(String service, long from, long to) {
        int before = 200;
        for (Sample s : transitions.get(service)) {
            if (s.millis() <= from) {
                before = s.status();
            } else if (s.millis() <= to && s.status() != 200) {
                return true;
            }
        }
        return before != 200 && from <= to;
    }

    /** First time at or after {@code from} the service answered ready, or null. */
    public synchronized Long readyAfter(String service, long from) {
        int atFrom = -2;
        for (Sample s : transitions.get(service)) {
            if (s.millis() <= from) {
                atFrom = s.status();
            } else if (atFrom == 200) {
                return from;
            } else if (s.status() == 200) {
                return s.millis();
            }
        }
        return atFrom == 200 ? from : null;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
