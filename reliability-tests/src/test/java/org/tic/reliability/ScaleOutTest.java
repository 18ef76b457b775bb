package org.tic.reliability;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.devinfra.launcher.Platform;
import org.tic.devinfra.process.ServiceProcess;
import org.tic.devinfra.testing.TestTokens;
import org.tic.reliability.TopicReader.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.reliability.ReliabilityPlatform.KPI;
import static org.tic.reliability.ReliabilityPlatform.MEMBERSHIP;
import static org.tic.reliability.ReliabilityPlatform.PROJECT;
import static org.tic.reliability.ReliabilityPlatform.SERVICES;

/**
 * Suite 4 — scale out. A second replica of each service joins the first against the same databases and the same
 * broker (topics with several partitions; a service's consumers share one consumer group, so the partitions are split
 * between its replicas; the outbox relay runs in both, one round at a time under a PostgreSQL advisory lock). The
 * fault suite's mixed write load goes to both replicas of each service round-robin; mid-way the second replica of
 * every service is killed with SIGKILL and the load goes on against the survivors, which take over the partitions
 * and the outbox. Then the fault suite's checks: nothing acknowledged lost, every acknowledged write's events on the
 * broker (never under two ids, order per aggregate), read models and roll-ups equal a recomputation, every
 * {@code processed_event} ledger equal to the distinct ids on its topics (nothing applied twice), no dead letter.
 */
@ExtendWith(ReliabilityPlatform.class)
@Order(4)
class ScaleOutTest {

    private static final String TOKEN = TestTokens.secretariat();
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PACE = Duration.ofMillis(Long.getLong("reliability.scaleout.pace-ms", 70));
    private static final int ACKS_PER_PHASE = Integer.getInteger("reliability.scaleout.acks-per-phase", 150);
    private static final List<String> TOPICS = ConsumerGroups.TOPICS;
    private static final List<String> DLQS = List.of("project-service.dlq", "kpi-service.dlq", "membership-service.dlq");
    private static final Map<String, String> DATABASE = Map.of(MEMBERSHIP, "membership", PROJECT, "project", KPI, "kpi");
    /**
     * The session timeout of the replicas that get killed: after a SIGKILL the broker waits this long before it gives
     * their partitions to the survivors (the Kafka default, 45 s, would only make the suite longer; the outcome is the
     * same).
     */
    private static final Map<String, String> REPLICA_ENV = Map.of("KAFKA_SESSION_TIMEOUT_MS", "8000",
            "KAFKA_HEARTBEAT_INTERVAL_MS", "2000");

    private final Map<String, String> base = new LinkedHashMap<>();
    private final Http http = new Http(CLIENT_TIMEOUT, TOKEN);
    private final Http reader = new Http(Duration.ofSeconds(30), TOKEN);
    private final List<String> failures = new ArrayList<>();

    @Test
    void twoReplicasOfEachServiceLoseNothingWhenOneIsKilledUnderLoad() throws Exception {
        Platform platform = ReliabilityPlatform.platform();
        SERVICES.forEach(s -> base.put(s, ReliabilityPlatform.baseUrl(s)));
        long suiteStart = System.nanoTime();
        Summary summary = new Summary("SCALE-OUT TEST: two replicas per service, one killed under load");
        Map<String, ServiceProcess> second = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ReliabilityPlatform.kafkaBootstrap()))) {
            Map<String, Integer> partitions = ConsumerGroups.partitions(admin);
            partitions.forEach((topic, n) -> {
                if (n < 2) {
                    failures.add(topic + " has " + n + " partition(s): two consumers of a group cannot share it");
                }
            });

            // A second replica of each service, started together.
            long t = System.nanoTime();
            for (String s : SERVICES) {
                second.put(s, ReliabilityPlatform.newReplica(s, DATABASE.get(s), REPLICA_ENV));
            }
            second.values().forEach(ServiceProcess::start);
            CompletableFuture.allOf(second.values().stream().map(p -> CompletableFuture.runAsync(() -> p.awaitReady(Duration.ofSeconds(180))))
                    .toArray(CompletableFuture[]::new)).get(200, TimeUnit.SECONDS);
            double replicasReady = (System.nanoTime() - t) / 1e9;
            Waits.until("every consumer group has the consumers of both replicas", Duration.ofSeconds(60),
                    () -> ConsumerGroups.complete(admin, 2), failures);
            Map<String, String> assignedWithTwo = ConsumerGroups.assignment(admin);

            List<String> leads = FaultToleranceTest.seedSignatories(http, base.get(MEMBERSHIP), "Scale-out lead", 3);
            List<String> kpiClusters = FaultToleranceTest.seedSignatories(http, second.get(MEMBERSHIP).baseUrl(), "Scale-out reporter", 3);
            List<String> statusClusters = FaultToleranceTest.seedSignatories(http, base.get(MEMBERSHIP), "Scale-out status", 2);
            List<String> seeded = new ArrayList<>(leads);
            seeded.addAll(kpiClusters);
            seeded.addAll(statusClusters);
            Waits.until("both replicas of project-service and kpi-service know the seeded signatories", Duration.ofSeconds(90),
                    () -> seeded.stream().allMatch(c -> List.of(base.get(PROJECT), second.get(PROJECT).baseUrl()).stream().allMatch(u ->
                            "SIGNATORY".equals(http.get(u + "/api/v1/clusters/" + c).json().path("status").asText())))
                            && seeded.stream().allMatch(c -> "SIGNATORY".equals(http.get(second.get(KPI).baseUrl() + "/api/v1/clusters/"
                            + c + "/kpis").json().path("status").asText())), failures);
            assertTrue(failures.isEmpty(), "the two replicas are not ready for the load: " + failures);

            LoadGenerator load = new LoadGenerator(base, TOKEN, CLIENT_TIMEOUT, leads, kpiClusters, statusClusters,
                    new LoadGenerator.Tag("so", "Scale-out cluster units", "Scale-out project units"));
            for (String s : SERVICES) {
                load.route(s, List.of(base.get(s), second.get(s).baseUrl()));
            }
            Map<String, List<long[]>> killWindows = new HashMap<>();
            long killedAt;
            Long rebalancedAt = null;
            Map<String, String> assignedWithOne;
            load.phase("1 two-replicas");
            load.start(PACE);
            try {
                Waits.until("writes acknowledged through both replicas", Duration.ofSeconds(60),
                        () -> load.ackedIn("1 two-replicas") >= ACKS_PER_PHASE, failures);

                // SIGKILL the second replica of every service; the "load balancer" then sends everything to the first.
                load.phase("2 one-killed");
                killedAt = load.elapsedMillis();
                for (String s : SERVICES) {
                    long from = load.elapsedMillis();
                    second.get(s).kill();
                    load.route(s, List.of(base.get(s)));
                    killWindows.computeIfAbsent(s, x -> new ArrayList<>()).add(new long[]{from, load.elapsedMillis()});
                }
                if (Waits.until("the survivors own every partition (the killed consumers left their groups)", Duration.ofSeconds(60),
                        () -> ConsumerGroups.complete(admin, 1), failures)) {
                    rebalancedAt = load.elapsedMillis();
                }
                assignedWithOne = ConsumerGroups.assignment(admin);
                Waits.until("writes acknowledged by the survivors", Duration.ofSeconds(60),
                        () -> load.ackedIn("2 one-killed") >= ACKS_PER_PHASE, failures);
            } finally {
                load.stop();
            }
            long loadEnd = load.elapsedMillis();
            Map<String, Long> perTarget = load.sentPerTarget();

            summary.section("replicas");
            summary.line("second replica of each service ready after", String.format("%.1f s (started together)", replicasReady));
            summary.line("topic partitions", partitions);
            summary.line("consumer groups, two replicas", assignedWithTwo);
            summary.line("consumer groups, after the kill", assignedWithOne);
            summary.line("partitions taken over after the kill", rebalancedAt == null ? "never"
                    : String.format("%.1f s (session timeout of the killed consumers %s ms)", (rebalancedAt - killedAt) / 1000.0,
                    REPLICA_ENV.get("KAFKA_SESSION_TIMEOUT_MS")));
            for (String s : SERVICES) {
                summary.line("writes sent to " + s + " replica 1 / 2", perTarget.getOrDefault(base.get(s), 0L) + " / "
                        + perTarget.getOrDefault(second.get(s).baseUrl(), 0L));
                summary.line("  first acknowledged write after the kill", secondsAfter(load.firstAckAfter(s, killedAt), killedAt));
            }
            check(load, platform, killWindows, summary, loadEnd, suiteStart);
        } finally {
            second.values().forEach(ServiceProcess::stop);
        }
    }

    private void check(LoadGenerator load, Platform platform, Map<String, List<long[]>> killWindows, Summary summary,
                       long loadEnd, long suiteStart) throws Exception {
        List<Write> writes = load.writes();
        List<EventChecker.Expected> expected = writes.stream().flatMap(w -> w.events().stream()).toList();
        Set<String> subjects = expected.stream().map(EventChecker.Expected::subject).collect(Collectors.toSet());
        EventChecker.Report[] er = new EventChecker.Report[1];
        List<Event> events;
        try (TopicReader topics = new TopicReader(ReliabilityPlatform.kafkaBootstrap(), TOPICS)) {
            Waits.until("every acknowledged write's events on the broker", Duration.ofSeconds(90), () -> {
                er[0] = EventChecker.check(expected, topics.catchUp(), subjects);
                return er[0].missing().isEmpty();
            }, failures);
            events = topics.catchUp();
            er[0] = EventChecker.check(expected, events, subjects);
        }
        ReadModelChecker models = new ReadModelChecker(base, reader);
        Map<String, Http.Result> fetched = models.prefetch(writes);
        LossChecker.Report loss = LossChecker.check(writes, url -> fetched.computeIfAbsent(url, reader::get), 400);
        // Wait for the consumers, then compare once more outside the wait (what is reported is a whole evaluation).
        Waits.until("read models and roll-ups equal the recomputation", Duration.ofSeconds(45), () -> {
            try {
                return models.diffs(load, events, platform, new LinkedHashMap<>()).isEmpty();
            } catch (RuntimeException e) {
                return false;
            }
        }, new ArrayList<>());
        Map<String, Object> modelFigures = new LinkedHashMap<>();
        List<String> modelDiffs;
        try {
            modelDiffs = models.diffs(load, events, platform, modelFigures);
        } catch (RuntimeException e) {
            modelDiffs = List.of("comparison failed: " + e.getMessage());
        }
        ReplayConsumer replay = new ReplayConsumer(true).acceptAll(events);
        List<Event> deadLetters;
        try (TopicReader dlq = new TopicReader(ReliabilityPlatform.kafkaBootstrap(), DLQS)) {
            deadLetters = dlq.catchUp();
        }
        OutageChecker.Report outage = OutageChecker.check(writes, killWindows);

        long acked = writes.stream().filter(Write::acked).count();
        summary.section("writes");
        summary.line("writes sent / acknowledged", writes.size() + " / " + acked)
                .line("acknowledged writes read back", loss.verified() + " of " + loss.acknowledged())
                .line("LOST (acknowledged, not readable)", loss.lost().size())
                .line("unknown outcome (cut by the kill), landed", loss.indeterminate() + ", " + loss.indeterminateLanded())
                .line("failed writes probed / landed anyway", loss.failedChecked() + " / " + loss.phantoms().size())
                .line("calls cut by a kill", outage.cutByKill())
                .line("load duration", String.format("%.1f s", loadEnd / 1000.0));
        outage.byPhase().forEach((phase, m) -> summary.line("  " + phase, m.toString()));
        summary.section("events (deduplicated by ce_id)");
        summary.line("records read (3 topics) / distinct ids", er[0].recordsRead() + " / " + er[0].distinctIds())
                .line("redeliveries (same ce_id again)", er[0].redeliveries())
                .line("events expected / seen / missing", er[0].expected() + " / " + er[0].matched() + " / " + er[0].missing().size())
                .line("published twice under two ids", er[0].publishedTwice().size())
                .line("order violations per aggregate", er[0].orderViolations().size())
                .line("replay consumer: applied / applied twice", replay.applied() + " / " + replay.appliedTwice().size())
                .line("dead-lettered events (3 DLQs)", deadLetters.size());
        summary.section("read models and roll-ups vs recomputation");
        modelFigures.forEach(summary::line);
        summary.line("differences", modelDiffs.size());
        summary.line("suite duration", String.format("%.0f s", (System.nanoTime() - suiteStart) / 1e9));

        if (acked < 2L * ACKS_PER_PHASE) {
            failures.add("only " + acked + " writes acknowledged: the load did not run as intended");
        }
        loss.lost().forEach(l -> failures.add("LOST: " + l));
        loss.phantoms().forEach(p -> failures.add("landed although refused: " + p));
        er[0].missing().stream().limit(30).forEach(m -> failures.add("event missing: " + EventChecker.shortType(m.type()) + " of "
                + m.subject() + " (write " + m.writeId() + ")"));
        er[0].publishedTwice().forEach(p -> failures.add("published twice: " + p));
        er[0].orderViolations().forEach(o -> failures.add("order: " + o));
        replay.appliedTwice().forEach(a -> failures.add("applied twice by a deduplicating consumer: " + a));
        modelDiffs.stream().limit(40).forEach(d -> failures.add("read model: " + d));
        deadLetters.forEach(d -> failures.add("dead-lettered on " + d.topic() + ": " + d.type() + " " + d.id()));
        outage.violations().stream().limit(40).forEach(v -> failures.add("outage contract: " + v));
        summary.section("verdict");
        summary.line("invariant violations", failures.size());
        failures.stream().limit(120).forEach(f -> summary.text("✗ " + f));
        summary.print();
        FaultToleranceTest.printServerErrorsFromLogs(writes);
        assertTrue(failures.isEmpty(), failures.size() + " reliability invariant(s) broken; first: "
                + (failures.isEmpty() ? "" : failures.get(0)));
    }


    private static String secondsAfter(Long t, long from) {
        return t == null ? "never" : String.format("%.1f s", Math.max(0, t - from) / 1000.0);
    }
}
