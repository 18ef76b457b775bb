package org.tic.bench;

import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 7: a partner's webhook receiver (an HTTP server in this JVM) subscribed at delivery-service while
 * membership writes run at 100/s (then 25/s): the lag from the change's commit at its source ({@code ce-time}, taken in the
 * write's transaction) to its arrival at the receiver, same machine clock.
 */
final class DeliveryLagScenario extends ScenarioRun {

    static final String SERVICE = "delivery-service";
    /** The rate, then one this 2-core machine has the CPU for next to the writes themselves. */
    private static final double[] RATES = {100, 25};

    DeliveryLagScenario(Benchmark b) {
        super(b);
    }

    void run() {
        Benchmark.step("Scenario 7: webhook delivery lag");
        Report.Scenario sc = report.scenario("s7-delivery-lag", "7. Webhook delivery: commit → partner's receiver");
        Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        Map<String, Instant> committed = new ConcurrentHashMap<>();
        AtomicLong arrivals = new AtomicLong();
        HttpServer receiver;
        try {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", ex -> {
            long now = System.currentTimeMillis();
            try (InputStream in = ex.getRequestBody()) {
                in.readAllBytes();
                String id = ex.getRequestHeaders().getFirst("webhook-id");
                String time = ex.getRequestHeaders().getFirst("ce-time");
                arrivals.incrementAndGet();
                if (id != null && time != null && firstArrival.putIfAbsent(id, now) == null) {
                    committed.put(id, Instant.parse(time));
                }
                ex.sendResponseHeaders(204, -1);
            } finally {
                ex.close();
            }
        });
        receiver.start();
        p.start(SERVICE, "/q/health/ready", null, Duration.ofSeconds(180), Map.of(
                "TIC_DELIVERY_WEBHOOKS_ALLOW_INSECURE_URLS", "true", "TIC_DELIVERY_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true"));
        try {
            subscribe("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            EventLag lag = new EventLag(p.port("membership-service"), pg, token());
            for (double rate : RATES) {
                measure(sc, lag, rate, firstArrival, committed, arrivals);
            }
            sc.notes.add("One subscription (the secretariat's, types tic.membership.cluster.*), a receiver answering 204 at once; "
                    + "delivery-service started for this scenario only, after the others (its start is not in the footprint figures).");
        } finally {
            p.stop(SERVICE);
            receiver.stop(0);
        }
    }


    private void measure(Report.Scenario sc, EventLag lag, double rate, Map<String, Long> firstArrival,
                         Map<String, Instant> committed, AtomicLong arrivals) {
        Instant from = Instant.now().plus(s.lagWarmup());
        EventLag.Result writes = lag.run(small().clusterIds, rate, s.lagWarmup(), s.lagRun());
        Instant to = Instant.now();
        // the last deliveries: wait until nothing arrives for 3 s (at most 120 s), so the next rate starts drained
        long last = -1;
        long quietSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < 3_000_000_000L) {
            long n = arrivals.get();
            if (n != last) {
                last = n;
                quietSince = System.nanoTime();
            }
            sleep(100);
        }
        lag.reinstateAll(small().clusterIds);
        Histogram h = new Histogram(600_000L, 3);
        long measured = 0;
        for (Map.Entry<String, Instant> e : committed.entrySet()) {
            Instant at = e.getValue();
            if (!at.isBefore(from) && at.isBefore(to)) {
                h.recordValue(Math.max(0, firstArrival.get(e.getKey()) - at.toEpochMilli()));
                measured++;
            }
        }
        Map<String, Object> row = sc.row("membership suspend/reinstate at " + Math.round(rate) + "/s → webhook receiver");
        row.put("achievedWriteRate", Load.round(writes.achievedWriteRate()));
        row.put("deliveriesMeasured", measured);
        row.put("lagP50Ms", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(50));
        row.put("lagP90Ms", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(90));
        row.put("lagP99Ms", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(99));
        row.put("lagMaxMs", h.getTotalCount() == 0 ? null : h.getMaxValue());
        // where the time goes, from delivery-service's own timestamps
        row.put("source → feed p50/p99 ms", pg.text("delivery", "select round(percentile_cont(0.5) within group (order by ms)) || ' / ' "
                + "|| round(percentile_cont(0.99) within group (order by ms)) from (select extract(epoch from recorded_at - occurred_at) * 1000 ms "
                + "from change where occurred_at >= '" + from + "' and occurred_at < '" + to + "') x"));
        row.put("feed → delivered p50/p99 ms", pg.text("delivery", "select round(percentile_cont(0.5) within group (order by ms)) || ' / ' "
                + "|| round(percentile_cont(0.99) within group (order by ms)) from (select extract(epoch from d.delivered_at - c.recorded_at) * 1000 ms "
                + "from delivery d join change c on c.seq = d.seq where c.occurred_at >= '" + from + "' and c.occurred_at < '" + to + "') x"));
        sc.ratio("webhook delivery lag p50 at " + Math.round(rate) + " events/s (ms)", h.getTotalCount() == 0 ? Double.NaN
                : h.getValueAtPercentile(50), null, false, "ce-time (the write's transaction) → first arrival at the receiver");
        sc.ratio("webhook delivery lag p99 at " + Math.round(rate) + " events/s (ms)", h.getTotalCount() == 0 ? Double.NaN
                : h.getValueAtPercentile(99), null, false, "same clock; the path is outbox → relay → Kafka → "
                + "delivery-service's consumer → fan-out → signed POST");
    }

    private void subscribe(String url) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.port(SERVICE) + "/api/v1/webhooks"))
                    .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("url", url,
                            "types", List.of("tic.membership.cluster.*"), "description", "benchmark receiver"))))
                    .build();
            HttpResponse<String> a = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
            if (a.statusCode() != 201) {
                throw new IllegalStateException("subscribe answered " + a.statusCode() + ": " + a.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
