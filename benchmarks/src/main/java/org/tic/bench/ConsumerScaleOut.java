package org.tic.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 4, second part: kpi-service's consumption throughput with one replica, then two in one consumer group.
 * For each, a backlog of membership events is built while nothing relays (membership-service restarted with
 * {@code TIC_OUTBOX_RELAY_ENABLED=false}, suspend/reinstate writes as fast as 40 lanes go), then membership-service
 * is restarted with its relay on: the relay publishes the backlog in a burst and kpi-service's replicas, already in
 * their group with the partitions split, drain it. Throughput = backlog ÷ (time the last event was applied − time
 * the first was picked up), from kpi-service's own {@code processed_event} rows (PostgreSQL's clock), so it holds
 * whether the consumer takes events one by one or in batches.
 */
final class ConsumerScaleOut extends ScenarioRun {

    private static final String CONSUMER = "kpi-membership";
    private static final String GROUP = "kpi-service";
    /** Members one kpi-service replica brings to its group: one consumer per consumed topic. */
    private static final int MEMBERS_PER_REPLICA = 2;
    static final String SECOND_KPI = "kpi-service#2";

    record Drain(int replicas, long events, double seconds, double eventsPerSecond, double relaySeconds, String assignment) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kpi-service replicas", replicas);
            m.put("events", events);
            m.put("drainS", Load.round(seconds));
            m.put("eventsPerSecond", Load.round(eventsPerSecond));
            m.put("relay: backlog published within s", Load.round(relaySeconds));
            m.put("partitions per consumer (membership.events)", assignment);
            return m;
        }
    }

    ConsumerScaleOut(Benchmark b) {
        super(b);
    }

    void run() {
        Benchmark.step("Scenario 4: kpi-service consumption throughput, one vs two replicas");
        Report.Scenario sc = report.scenario("s4-event-lag", "4. Event lag: membership write → visible in kpi-service's roll-up");
        int events = s.quick() ? 400 : 6_000;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, p.infra().kafka().bootstrapServers()))) {
            Drain one = drain(admin, 1, events);
            p.start(SECOND_KPI, "/q/health/ready", null, Duration.ofSeconds(240));
            Drain two;
            try {
                two = drain(admin, 2, events);
            } finally {
                p.stop(SECOND_KPI);
            }
            Map<String, Object> r1 = sc.row("kpi-service draining a backlog of " + one.events() + " membership events, 1 replica");
            r1.putAll(one.toMap());
            Map<String, Object> r2 = sc.row("kpi-service draining a backlog of " + two.events() + " membership events, 2 replicas");
            r2.putAll(two.toMap());
            sc.ratio("kpi-service consumption: 2 replicas ÷ 1 replica (events/s)", two.eventsPerSecond() / one.eventsPerSecond(),
                    null, true, Math.round(one.eventsPerSecond()) + " → " + Math.round(two.eventsPerSecond())
                            + " events/s; one consumer group, membership.events partitions split between the replicas");
            sc.notes.add("Consumption throughput, one vs two kpi-service replicas: a backlog of " + one.events() + " membership "
                    + "events (suspend/reinstate on the 40 clusters) is written while membership-service's relay is off, "
                    + "then the relay is switched on and publishes it in a burst (relay span in the rows); the replicas are "
                    + "already in the group with the partitions split. Events/s = backlog ÷ (last event applied − first "
                    + "picked up), from kpi-service's processed_event rows. Both replicas share the machine's cores with "
                    + "PostgreSQL, Kafka and membership-service, so the second replica adds consumers, not CPU; with "
                    + "3 partitions at most 3 consumers can share the topic. Every consumer transaction also ends by "
                    + "bumping the single initiative_totals row (InitiativeTotalsTracker.changed, held until commit), so "
                    + "the replicas' transactions commit one at a time: a second replica can only help with the work "
                    + "before that point.");
        } catch (RuntimeException e) {
            sc.notes.add("consumption throughput, one vs two replicas: failed: " + e);
            if (p.isRunning(SECOND_KPI)) {
                p.stop(SECOND_KPI);
            }
        }
    }

    private Drain drain(Admin admin, int replicas, int events) {
        awaitGroup(admin, replicas);
        String assignment = assignment(admin);
        // Backlog: membership-service writes, nothing relays.
        p.stop("membership-service");
        p.start("membership-service", "/q/health/ready", null, Duration.ofSeconds(240), Map.of("TIC_OUTBOX_RELAY_ENABLED", "false"));
        long before = count();
        int written = write(events);
        p.stop("membership-service");
        String since = pg.text("kpi", "select clock_timestamp()::text");
        p.start("membership-service", "/q/health/ready", null, Duration.ofSeconds(240));
        // Applied: processed_event rows of this consumer since the restart.
        long deadline = System.nanoTime() + Duration.ofMinutes(s.quick() ? 2 : 10).toNanos();
        double seconds = Double.NaN;
        long applied = 0;
        while (System.nanoTime() < deadline) {
            List<Object> r = row("kpi", "select count(*), extract(epoch from clock_timestamp() - min(processed_at)) from processed_event "
                    + "where consumer = '" + CONSUMER + "' and processed_at >= '" + since + "'::timestamptz");
            applied = ((Number) r.get(0)).longValue();
            if (applied >= written) {
                seconds = ((Number) r.get(1)).doubleValue();
                break;
            }
            BenchPlatform.sleep(50);
        }
        long total = count();
        if (total - before < written) {
            throw new IllegalStateException("only " + (total - before) + " of " + written + " events applied with " + replicas
                    + " replica(s) within the time allowed");
        }
        // The relay's burst: first to last published_at of the backlog.
        Object span = row("membership", "select extract(epoch from max(published_at) - min(published_at)) from outbox_event "
                + "where published_at >= '" + since + "'::timestamptz").get(0);
        double relaySeconds = span == null ? Double.NaN : ((Number) span).doubleValue();
        return new Drain(replicas, applied, seconds, applied / seconds, relaySeconds, assignment);
    }

    /**
     * About {@code n} suspend/reinstate writes, one lane per cluster (writes to a cluster never race), an even number
     * per lane (every cluster ends SIGNATORY again); returns how many were written, one event each.
     */
    private int write(int n) {
        List<String> clusters = small().clusterIds;
        int perLane = Math.max(2, (n / clusters.size()) & ~1);
        int port = p.port("membership-service");
        AtomicLong failed = new AtomicLong();
        List<Thread> lanes = new ArrayList<>();
        for (String id : clusters) {
            Thread t = new Thread(() -> {
                try (RawHttp http = new RawHttp("127.0.0.1", port, 60_000)) {
                    for (int k = 0; k < perLane; k++) {
                        String action = k % 2 == 0 ? "suspend" : "reinstate";
                        RawHttp.Response r = http.exchange(RawHttp.post("/api/v1/clusters/" + id + "/" + action, port,
                                "application/json", "{\"reason\":\"benchmark: consumption backlog\"}".getBytes(StandardCharsets.UTF_8),
                                token()), true);
                        if (r.status() != 200) {
                            failed.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            }, "backlog-" + id);
            lanes.add(t);
            t.start();
        }
        for (Thread t : lanes) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " backlog writes failed");
        }
        return perLane * clusters.size();
    }

    private long count() {
        return pg.count("kpi", "select count(*) from processed_event where consumer = '" + CONSUMER + "'");
    }

    private List<Object> row(String db, String sql) {
        try (Connection c = pg.connect(db); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<Object> out = new ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.add(rs.getObject(i));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until the group holds every replica's consumers and is stable (partitions assigned). */
    private static void awaitGroup(Admin admin, int replicas) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP);
                if (d.members().size() == replicas * MEMBERS_PER_REPLICA && d.groupState() == GroupState.STABLE) {
                    return;
                }
            } catch (Exception notYet) {
                // the coordinator may be rebalancing
            }
            BenchPlatform.sleep(200);
        }
        throw new IllegalStateException("consumer group " + GROUP + " did not settle with " + replicas + " replica(s)");
    }

    private static String assignment(Admin admin) {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(GROUP)).all().get(10, TimeUnit.SECONDS).get(GROUP);
            List<String> parts = new ArrayList<>();
            d.members().forEach(m -> {
                long n = m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals("membership.events")).count();
                if (n > 0) {
                    parts.add(String.valueOf(n));
                }
            });
            parts.sort(null);
            return String.join("+", parts);
        } catch (Exception e) {
            return "?";
        }
    }
}
