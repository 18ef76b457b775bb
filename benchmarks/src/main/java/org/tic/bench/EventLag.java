package org.tic.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 4: membership writes at a steady rate, and for each the time from its commit (the 200 answer, which
 * membership-service sends after committing) until its effect is visible to kpi-service's roll-ups.
 * <p>
 * Writes alternate suspend / reinstate on the clusters (one lane per cluster, so writes to one cluster never race;
 * lanes together make the rate, each lane on its own constant schedule with latency measured from the intended
 * start). Each write moves the cluster's version; the effect is visible when kpi-service has committed that version
 * into its read model — the status facts and periods every roll-up query reads (no cache in between), written by
 * the consumer in one transaction with the idempotency record. A poller asks PostgreSQL every 5 ms for the
 * versions of the clusters with writes in flight, so visibility is known within 5 ms without loading the service.
 */
final class EventLag {

    record Result(double offeredRate, double achievedWriteRate, long writes, long writeErrors, long visible, long neverVisible,
                  double lagP50, double lagP90, double lagP99, double lagMax, double writeP50, double writeP99,
                  double drainSeconds) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("offeredRate", offeredRate);
            m.put("achievedWriteRate", Load.round(achievedWriteRate));
            m.put("writes", writes);
            m.put("writeErrors", writeErrors);
            m.put("visible", visible);
            m.put("neverVisible", neverVisible);
            m.put("lagP50Ms", Load.round(lagP50));
            m.put("lagP90Ms", Load.round(lagP90));
            m.put("lagP99Ms", Load.round(lagP99));
            m.put("lagMaxMs", Load.round(lagMax));
            m.put("writeP50Ms", Load.round(writeP50));
            m.put("writeP99Ms", Load.round(writeP99));
            m.put("drainSeconds", Load.round(drainSeconds));
            return m;
        }

        boolean sustained() {
            // The writes kept up, every effect arrived, and the consumer kept up too (its backlog drained at once).
            return achievedWriteRate >= 0.95 * offeredRate && neverVisible == 0 && writeErrors <= writes / 100
                    && drainSeconds <= 2.0;
        }
    }

    private record Pending(long version, long committedNanos) {
    }

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final int membershipPort;
    private final Pg pg;
    private final String token;

    EventLag(int membershipPort, Pg pg, String token) {
        this.membershipPort = membershipPort;
        this.pg = pg;
        this.token = token;
    }

    /**
     * Where the lag goes, from the services' own timestamps (one PostgreSQL server, one clock): commit -> published
     * ({@code outbox_event.occurred_at -> published_at}: the relay) and published -> picked up by kpi-service's consumer
     * ({@code processed_event.processed_at}, its transaction's start: Kafka plus the consumer's queue).
     */
    Map<String, Object> stages(java.time.Instant since) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, long[]> events = new HashMap<>();
        try (Connection c = pg.connect("membership"); PreparedStatement ps = c.prepareStatement("""
                select event_id::text, (extract(epoch from occurred_at) * 1000000)::bigint,
                       (extract(epoch from published_at) * 1000000)::bigint
                from outbox_event where occurred_at >= ? and published_at is not null
                  and (event_type like 'tic.membership.cluster.suspended%' or event_type like 'tic.membership.cluster.reinstated%')""")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), -1});
                }
            }
        } catch (SQLException ex) {
            m.put("error", ex.getMessage());
            return m;
        }
        try (Connection c = pg.connect("kpi"); PreparedStatement ps = c.prepareStatement("""
                select event_id::text, (extract(epoch from processed_at) * 1000000)::bigint
                from processed_event where event_id = any(?::uuid[])""")) {
            ps.setArray(1, c.createArrayOf("text", events.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] t = events.get(rs.getString(1));
                    if (t != null) {
                        t[2] = rs.getLong(2);
                    }
                }
            }
        } catch (SQLException ex) {
            m.put("error", ex.getMessage());
            return m;
        }
        Histogram relay = new Histogram(600_000_000L, 3);
        Histogram queue = new Histogram(600_000_000L, 3);
        for (long[] t : events.values()) {
            relay.recordValue(Math.max(1, t[1] - t[0]));
            if (t[2] > 0) {
                queue.recordValue(Math.max(1, t[2] - t[1]));
            }
        }
        m.put("events", events.size());
        m.put("relay", Load.round(pct(relay, 50)) + " / " + Load.round(pct(relay, 99)));
        m.put("queue", Load.round(pct(queue, 50)) + " / " + Load.round(pct(queue, 99)));
        return m;
    }

    Result run(List<String> clusterIds, double rate, Duration warmup, Duration duration) {
        Map<String, ArrayDeque<Pending>> pending = new ConcurrentHashMap<>();
        Histogram lag = new Histogram(600_000_000L, 3);
        Histogram writes = new Histogram(600_000_000L, 3);
        AtomicLong writeCount = new AtomicLong();
        AtomicLong writeErrors = new AtomicLong();
        AtomicLong visible = new AtomicLong();
        int lanes = clusterIds.size();
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        Map<String, Long> measuredAfter = new ConcurrentHashMap<>();
        for (String id : clusterIds) {
            pending.put(id, new ArrayDeque<>());
        }

        Thread poller = new Thread(() -> poll(pending, lag, visible, measureFrom), "lag-poller");
        poller.setDaemon(true);
        poller.start();

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            String id = clusterIds.get(i);
            double interval = 1e9 * lanes / rate;
            double offset = 1e9 * i / rate;
            Thread t = new Thread(() -> {
                try (RawHttp http = new RawHttp("127.0.0.1", membershipPort, 60_000)) {
                    String status = currentStatus(http, id);
                    for (long k = 0; ; k++) {
                        long intended = start + (long) (offset + k * interval);
                        if (intended >= end) {
                            return;
                        }
                        long now = System.nanoTime();
                        if (now > end + Duration.ofSeconds(30).toNanos()) {
                            return;
                        }
                        while (now < intended) {
                            LockSupport.parkNanos(intended - now);
                            now = System.nanoTime();
                        }
                        String action = "SIGNATORY".equals(status) ? "suspend" : "reinstate";
                        byte[] req = RawHttp.post("/api/v1/clusters/" + id + "/" + action, membershipPort, "application/json",
                                "{\"reason\":\"benchmark: steady write load\"}".getBytes(StandardCharsets.UTF_8), token);
                        boolean record = intended >= measureFrom;
                        RawHttp.Response r;
                        try {
                            r = http.exchange(req, true);
                        } catch (IOException e) {
                            r = new RawHttp.Response(-1, null);
                        }
                        long done = System.nanoTime();
                        if (r.status() == 200) {
                            String body = r.text();
                            Matcher v = VERSION.matcher(body);
                            Matcher s = STATUS.matcher(body);
                            if (s.find()) {
                                status = s.group(1);
                            }
                            if (v.find()) {
                                long version = Long.parseLong(v.group(1));
                                ArrayDeque<Pending> q = pending.get(id);
                                synchronized (q) {
                                    q.add(new Pending(record ? version : -version - 1, done));
                                }
                            }
                        } else {
                            status = currentStatus(http, id); // a conflict or error: re-read before the next move
                        }
                        if (record) {
                            writes.recordValue(Math.max(1, (done - intended) / 1000));
                            writeCount.incrementAndGet();
                            if (r.status() != 200) {
                                writeErrors.incrementAndGet();
                            }
                            measuredAfter.merge(id, 1L, Long::sum);
                        }
                    }
                }
            }, "lag-lane-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        long writersDone = System.nanoTime();
        double achieved = writeCount.get() / ((Math.max(writersDone, end) - measureFrom) / 1e9);
        // Drain: wait (at most 60 s) until every write's effect is visible.
        long drainDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < drainDeadline && pending.values().stream().anyMatch(q -> {
            synchronized (q) {
                return !q.isEmpty();
            }
        })) {
            BenchPlatform.sleep(20);
        }
        double drain = (System.nanoTime() - writersDone) / 1e9;
        poller.interrupt();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long never = 0;
        long now = System.nanoTime();
        for (ArrayDeque<Pending> q : pending.values()) {
            synchronized (q) {
                for (Pending p : q) {
                    if (p.version() >= 0) {
                        never++;
                        lag.recordValue(Math.max(1, (now - p.committedNanos()) / 1000)); // at least this late
                    }
                }
                q.clear();
            }
        }
        return new Result(rate, achieved, writeCount.get(), writeErrors.get(), visible.get(), never,
                pct(lag, 50), pct(lag, 90), pct(lag, 99), lag.getTotalCount() == 0 ? Double.NaN : lag.getMaxValue() / 1000.0,
                pct(writes, 50), pct(writes, 99), drain);
    }

    /** Puts every cluster back to SIGNATORY (after the lag runs). */
    void reinstateAll(List<String> clusterIds) {
        try (RawHttp http = new RawHttp("127.0.0.1", membershipPort, 60_000)) {
            for (String id : clusterIds) {
                if (!"SIGNATORY".equals(currentStatus(http, id))) {
                    http.exchange(RawHttp.post("/api/v1/clusters/" + id + "/reinstate", membershipPort, "application/json",
                            "{\"reason\":\"benchmark: back to signatory\"}".getBytes(StandardCharsets.UTF_8), token), true);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String currentStatus(RawHttp http, String id) {
        try {
            RawHttp.Response r = http.exchange(RawHttp.get("/api/v1/clusters/" + id, membershipPort), true);
            Matcher s = STATUS.matcher(r.text());
            return s.find() ? s.group(1) : "SIGNATORY";
        } catch (IOException e) {
            return "SIGNATORY";
        }
    }

    private void poll(Map<String, ArrayDeque<Pending>> pending, Histogram lag, AtomicLong visible, long measureFrom) {
        try (Connection c = pg.connect("kpi");
             PreparedStatement ps = c.prepareStatement("""
                     select cluster_id::text, max(version) from cluster_status_fact
                     where cluster_id = any(?::uuid[]) group by cluster_id""")) {
            while (!Thread.currentThread().isInterrupted()) {
                List<String> waiting = new ArrayList<>();
                for (var e : pending.entrySet()) {
                    synchronized (e.getValue()) {
                        if (!e.getValue().isEmpty()) {
                            waiting.add(e.getKey());
                        }
                    }
                }
                if (!waiting.isEmpty()) {
                    Array ids = c.createArrayOf("text", waiting.toArray());
                    ps.setArray(1, ids);
                    Map<String, Long> seen = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seen.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                    long now = System.nanoTime();
                    for (String id : waiting) {
                        Long max = seen.get(id);
                        if (max == null) {
                            continue;
                        }
                        ArrayDeque<Pending> q = pending.get(id);
                        synchronized (q) {
                            while (!q.isEmpty()) {
                                Pending p = q.peek();
                                long v = p.version() >= 0 ? p.version() : -p.version() - 1;
                                if (v > max) {
                                    break;
                                }
                                q.poll();
                                if (p.version() >= 0) {
                                    lag.recordValue(Math.max(1, (now - p.committedNanos()) / 1000));
                                    visible.incrementAndGet();
                                }
                            }
                        }
                    }
                }
                LockSupport.parkNanos(5_000_000L);
            }
        } catch (SQLException e) {
            if (!Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Lag poller failed", e);
            }
        }
    }

    private static double pct(Histogram h, double p) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
    }
}
