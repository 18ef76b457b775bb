package org.tic.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The load generator. Two modes, each over a fixed number of keep-alive connections (one thread each):
 * <ul>
 *   <li><b>capacity</b> (closed loop, like pgbench without -R): every connection sends its next request as soon as
 *       the previous answer is in; gives the maximum throughput at that many connections;</li>
 *   <li><b>constant rate</b> (open model, wrk2-style): request k of connection c is due at
 *       t0 + (k·N + c)/rate, whatever happened before; its latency is measured from that <i>intended</i> start, so a
 *       stall shows up in every request it delayed (no coordinated omission). Requests still unsent when the run
 *       ends are recorded with the time they had waited so far.</li>
 * </ul>
 * Latencies go to HdrHistogram (microseconds, 3 significant digits). A warm-up period runs the same load unrecorded.
 */
final class Load {

    /** Builds the request bytes for one call (the random source is per connection). */
    interface Requests extends Function<SplittableRandom, byte[]> {
    }

    record Result(String mode, int connections, double offeredRate, double seconds, long requests, long errors,
                  Map<Integer, Long> statuses, long unsent, double throughput, double p50, double p90, double p99,
                  double p999, double max, double mean, String sampleError) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", mode);
            m.put("connections", connections);
            if (offeredRate > 0) {
                m.put("offeredRate", round(offeredRate));
            }
            m.put("seconds", round(seconds));
            m.put("requests", requests);
            m.put("errors", errors);
            m.put("statuses", statuses);
            if (unsent > 0) {
                m.put("unsentAtEnd", unsent);
            }
            m.put("throughput", round(throughput));
            m.put("p50Ms", round(p50));
            m.put("p90Ms", round(p90));
            m.put("p99Ms", round(p99));
            m.put("p999Ms", round(p999));
            m.put("maxMs", round(max));
            m.put("meanMs", round(mean));
            if (sampleError != null) {
                m.put("sampleError", sampleError);
            }
            return m;
        }
    }

    private Load() {
    }

    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.abs(v) >= 100 ? 10 : Math.abs(v) >= 1 ? 100 : 10000;
        return Math.round(v * scale) / scale;
    }

    private static final class Worker extends Thread {
        final Histogram histogram = new Histogram(120_000_000L, 3);
        final Map<Integer, Long> statuses = new TreeMap<>();
        long requests;
        long errors;
        long unsent;
        final int index;
        final int connections;
        final int port;
        final Requests requests0;
        final long startNanos;
        final long measureFrom;
        final long endNanos;
        final double rate;

        Worker(int index, int connections, int port, Requests requests, long startNanos, long measureFrom, long endNanos,
               double rate) {
            super("load-" + index);
            setDaemon(true);
            this.index = index;
            this.connections = connections;
            this.port = port;
            this.requests0 = requests;
            this.startNanos = startNanos;
            this.measureFrom = measureFrom;
            this.endNanos = endNanos;
            this.rate = rate;
        }

        @Override
        public void run() {
            SplittableRandom random = new SplittableRandom(0x7157_0000L + index * 7919L + System.nanoTime());
            try (RawHttp http = new RawHttp("127.0.0.1", port, 60_000)) {
                if (rate <= 0) {
                    closedLoop(http, random);
                } else {
                    openModel(http, random);
                }
            }
        }

        private void closedLoop(RawHttp http, SplittableRandom random) {
            while (true) {
                long start = System.nanoTime();
                if (start >= endNanos) {
                    return;
                }
                call(http, random, start, start >= measureFrom);
            }
        }

        private void openModel(RawHttp http, SplittableRandom random) {
            double interval = 1e9 * connections / rate;
            double offset = 1e9 * index / rate;
            long hardStop = endNanos + Math.max(Duration.ofSeconds(5).toNanos(), (endNanos - startNanos) / 2);
            for (long k = 0; ; k++) {
                long intended = startNanos + (long) (offset + k * interval);
                if (intended >= endNanos) {
                    return;
                }
                long now = System.nanoTime();
                if (now >= hardStop) {
                    // Overloaded far past the end: what is still due was never sent; record how long it waited.
                    for (long j = k; ; j++) {
                        long due = startNanos + (long) (offset + j * interval);
                        if (due >= endNanos) {
                            break;
                        }
                        if (due >= measureFrom) {
                            histogram.recordValue(Math.max(1, (now - due) / 1000));
                            unsent++;
                        }
                    }
                    return;
                }
                while (now < intended) {
                    LockSupport.parkNanos(intended - now);
                    now = System.nanoTime();
                }
                call(http, random, intended, intended >= measureFrom);
            }
        }

        private void call(RawHttp http, SplittableRandom random, long intendedStart, boolean record) {
            byte[] request = requests0.apply(random);
            int status;
            try {
                status = http.exchange(request, false).status();
            } catch (IOException | RuntimeException e) {
                status = -1;
            }
            long end = System.nanoTime();
            if (record) {
                histogram.recordValue(Math.max(1, (end - intendedStart) / 1000));
                requests++;
                statuses.merge(status, 1L, Long::sum);
                if (status < 200 || status >= 400) {
                    errors++;
                }
            }
        }
    }

    /** Maximum throughput with {@code connections} connections, each sending as soon as its last answer came back. */
    static Result capacity(int port, Requests requests, int connections, Duration warmup, Duration duration) {
        return run(port, requests, connections, 0, warmup, duration);
    }

    /** Open model at {@code rate} requests per second over {@code connections} connections. */
    static Result constantRate(int port, Requests requests, int connections, double rate, Duration warmup, Duration duration) {
        return run(port, requests, connections, rate, warmup, duration);
    }

    private static Result run(int port, Requests requests, int connections, double rate, Duration warmup, Duration duration) {
        long start = System.nanoTime() + 20_000_000L;
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(new Worker(i, connections, port, requests, start, measureFrom, end, rate));
        }
        workers.forEach(Thread::start);
        for (Worker w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        long finished = Math.max(System.nanoTime(), end);
        Histogram all = new Histogram(120_000_000L, 3);
        Map<Integer, Long> statuses = new TreeMap<>();
        long n = 0;
        long errors = 0;
        long unsent = 0;
        for (Worker w : workers) {
            all.add(w.histogram);
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            n += w.requests;
            errors += w.errors;
            unsent += w.unsent;
        }
        // Closed loop: completions over the measured window. Open model: completions over the window plus the drain.
        double seconds = rate <= 0 ? duration.toNanos() / 1e9 : (finished - measureFrom) / 1e9;
        double throughput = n / seconds;
        return new Result(rate <= 0 ? "capacity (closed loop)" : "constant rate (open model)", connections, rate,
                duration.toNanos() / 1e9, n, errors, statuses, unsent, throughput,
                ms(all, 50), ms(all, 90), ms(all, 99), ms(all, 99.9), all.getTotalCount() == 0 ? Double.NaN : all.getMaxValue() / 1000.0,
                all.getTotalCount() == 0 ? Double.NaN : all.getMean() / 1000.0, null);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Serial calls on one connection: the service time of each request, for cost comparisons (no queueing). */
    static Result serial(int port, Requests requests, int warmupCalls, int calls, Duration maxTime) {
        Histogram h = new Histogram(120_000_000L, 3);
        Map<Integer, Long> statuses = new TreeMap<>();
        long errors = 0;
        long n = 0;
        SplittableRandom random = new SplittableRandom(42);
        long measured = 0;
        String sampleError = null;
        try (RawHttp http = new RawHttp("127.0.0.1", port, 120_000)) {
            long deadline = System.nanoTime() + maxTime.toNanos();
            for (int i = 0; i < warmupCalls + calls; i++) {
                long start = System.nanoTime();
                int status;
                try {
                    RawHttp.Response response = http.exchange(requests.apply(random), sampleError == null);
                    status = response.status();
                    if ((status < 200 || status >= 400) && sampleError == null) {
                        String body = response.text();
                        sampleError = status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
                    }
                } catch (IOException | RuntimeException e) {
                    status = -1;
                    if (sampleError == null) {
                        sampleError = e.toString();
                    }
                }
                long end = System.nanoTime();
                if (i >= warmupCalls) {
                    h.recordValue(Math.max(1, (end - start) / 1000));
                    measured += end - start;
                    statuses.merge(status, 1L, Long::sum);
                    n++;
                    if (status < 200 || status >= 400) {
                        errors++;
                    }
                }
                if (end > deadline && n >= 5 || n >= 5 && errors == n) {
                    break; // time is up, or every call fails: enough to say so
                }
            }
        }
        double seconds = measured / 1e9;
        return new Result("serial (1 connection)", 1, 0, seconds, n, errors, statuses, 0, n / Math.max(seconds, 1e-9),
                ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0, h.getMean() / 1000.0, sampleError);
    }
}
