package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.devinfra.launcher.Platform;
import org.tic.devinfra.database.PostgresServer;
import org.tic.devinfra.process.ServiceProcess;
import org.tic.devinfra.testing.TestTokens;
import org.tic.reliability.TopicReader.Event;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.reliability.Http.map;
import static org.tic.reliability.ReliabilityPlatform.KPI;
import static org.tic.reliability.ReliabilityPlatform.MEMBERSHIP;
import static org.tic.reliability.ReliabilityPlatform.PROJECT;
import static org.tic.reliability.ReliabilityPlatform.SERVICES;

/**
 * Suite 1 — faults under load. A steady mixed write load runs through the three APIs while the Kafka broker is killed
 * and restarted, PostgreSQL is stopped and restarted, and two services are killed with SIGKILL and restarted. Then:
 * nothing acknowledged is lost, every acknowledged write's events are on the broker (once per ce_id at least, never
 * under two ids), order per aggregate held, the read models and roll-ups equal a recomputation, no consumer
 * dead-lettered or skipped an event, every failed call failed properly (503/4xx problem+json or a refused connection,
 * never a 500 or a hang) and readiness followed PostgreSQL down and up. Figures are printed whatever the outcome.
 */
@ExtendWith(ReliabilityPlatform.class)
@Order(1)
class FaultToleranceTest {

    private static final String TOKEN = TestTokens.secretariat();
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PACE = Duration.ofMillis(Long.getLong("reliability.fault.pace-ms", 90));
    private static final int ACKS_PER_PHASE = Integer.getInteger("reliability.fault.acks-per-phase", 60);
    private static final List<String> TOPICS = List.of("membership.events", "project.events", "kpi.events");
    private static final List<String> DLQS = List.of("project-service.dlq", "kpi-service.dlq", "membership-service.dlq");

    /** One injected fault and what it took to recover (ms since the load began). */
    static final class Fault {
        final String name;
        final String phase;
        long injected;
        long restored;
        final Map<String, Long> readyAt = new LinkedHashMap<>();
        final Map<String, Long> firstAck = new LinkedHashMap<>();
        Long drained;

        Fault(String name, String phase) {
            this.name = name;
            this.phase = phase;
        }
    }

    private final Map<String, String> base = new LinkedHashMap<>();
    private final Http http = new Http(CLIENT_TIMEOUT, TOKEN);
    /** For the checks after the load: reads of a busy machine may be slow, and a slow read is not what is tested. */
    private final Http reader = new Http(Duration.ofSeconds(30), TOKEN);
    private final List<String> failures = new ArrayList<>();

    @Test
    void nothingAcknowledgedIsLostThroughBrokerDatabaseAndServiceCrashes() throws Exception {
        Platform platform = ReliabilityPlatform.platform();
        SERVICES.forEach(s -> base.put(s, ReliabilityPlatform.baseUrl(s)));
        long suiteStart = System.nanoTime();

        // Seed: signatory clusters every service knows before the load starts.
        List<String> leads = seedSignatories(http, base.get(MEMBERSHIP), "Reliability lead", 3);
        List<String> kpiClusters = seedSignatories(http, base.get(MEMBERSHIP), "Reliability reporter", 3);
        List<String> statusClusters = seedSignatories(http, base.get(MEMBERSHIP), "Reliability status", 2);
        List<String> seeded = new ArrayList<>(leads);
        seeded.addAll(kpiClusters);
        seeded.addAll(statusClusters);
        Waits.until("project-service and kpi-service know the seeded signatories", Duration.ofSeconds(90), () -> seeded.stream()
                .allMatch(c -> "SIGNATORY".equals(http.get(base.get(PROJECT) + "/api/v1/clusters/" + c).json().path("status").asText())
                        && "SIGNATORY".equals(http.get(base.get(KPI) + "/api/v1/clusters/" + c + "/kpis").json().path("status").asText())),
                failures);
        assertTrue(failures.isEmpty(), "the platform is not ready for the load: " + failures);

        LoadGenerator load = new LoadGenerator(base, TOKEN, CLIENT_TIMEOUT, leads, kpiClusters, statusClusters);
        ReadinessMonitor monitor = new ReadinessMonitor(base, load::elapsedMillis, load::phase).start();
        List<Fault> faults = new ArrayList<>();
        load.start(PACE);
        try {
            Waits.until("warm-up writes acknowledged", Duration.ofSeconds(60), () -> load.ackedIn("1 warm-up") >= ACKS_PER_PHASE, failures);

            // 1. The broker dies (SIGKILL) and comes back after a while: writes go on, events wait in the outboxes.
            Fault kafka = new Fault("Kafka broker SIGKILL, restart", "2 kafka-down");
            faults.add(kafka);
            load.phase(kafka.phase);
            kafka.injected = load.elapsedMillis();
            platform.infrastructure().kafka().kill();
            Waits.until("writes acknowledged while Kafka is down", Duration.ofSeconds(90), () -> load.ackedIn(kafka.phase) >= ACKS_PER_PHASE
                    && load.elapsedMillis() - kafka.injected >= 6_000, failures);
            platform.infrastructure().kafka().start();
            kafka.restored = load.elapsedMillis();
            load.phase("3 after-kafka");
            // Recovered when every event of the writes acknowledged during the outage is on the broker.
            List<EventChecker.Expected> held = load.writes().stream().filter(w -> w.phase().equals(kafka.phase))
                    .flatMap(w -> w.events().stream()).toList();
            Set<String> heldSubjects = held.stream().map(EventChecker.Expected::subject).collect(Collectors.toSet());
            try (TopicReader reader = new TopicReader(ReliabilityPlatform.kafkaBootstrap(), TOPICS)) {
                Waits.until("the events held back during the broker outage published", Duration.ofSeconds(90),
                        () -> EventChecker.check(held, reader.catchUp(), heldSubjects).missing().isEmpty(), failures);
            }
            kafka.drained = load.elapsedMillis();
            Waits.until("writes acknowledged after the broker restart", Duration.ofSeconds(60), () -> load.ackedIn("3 after-kafka") >= ACKS_PER_PHASE / 2, failures);

            // 2. PostgreSQL stops (fast shutdown) and starts again on the same data directory and port.
            Fault postgres = new Fault("PostgreSQL stop, restart", "4 postgres-down");
            faults.add(postgres);
            load.phase(postgres.phase);
            postgres.injected = load.elapsedMillis();
            platform.infrastructure().postgres().stop();
            Waits.until("every service reported not ready while PostgreSQL is down", Duration.ofSeconds(60), () -> SERVICES.stream()
                    .allMatch(s -> monitor.wasDownBetween(s, postgres.injected, load.elapsedMillis()))
                    && load.attemptsIn(postgres.phase) >= 30 && load.elapsedMillis() - postgres.injected >= 5_000, failures);
            platform.infrastructure().postgres().start();
            postgres.restored = load.elapsedMillis();
            load.phase("5 after-postgres");
            Waits.until("every service ready and writing again after PostgreSQL restarted", Duration.ofSeconds(120), () -> SERVICES.stream()
                    .allMatch(s -> monitor.readyAfter(s, postgres.restored) != null && load.firstAckAfter(s, postgres.restored) != null), failures);
            Waits.until("writes acknowledged after PostgreSQL restarted", Duration.ofSeconds(60), () -> load.ackedIn("5 after-postgres") >= ACKS_PER_PHASE / 2, failures);

            // 3. and 4. A service is killed with SIGKILL (a crash: no shutdown hook, outbox rounds cut) and restarted.
            int phaseNo = 6;
            for (String victim : List.of(MEMBERSHIP, KPI)) {
                Fault crash = new Fault(victim + " SIGKILL, restart", phaseNo + " " + victim + "-killed");
                faults.add(crash);
                ServiceProcess process = ReliabilityPlatform.service(victim);
                load.phase(crash.phase);
                crash.injected = load.elapsedMillis();
                process.kill();
                process.start();
                try {
                    process.awaitReady(Duration.ofSeconds(180));
                } catch (IllegalStateException e) {
                    failures.add(victim + " did not come back after SIGKILL: " + e.getMessage());
                }
                crash.restored = load.elapsedMillis();
                String after = (phaseNo + 1) + " after-" + victim;
                load.phase(after);
                Waits.until("writes to " + victim + " acknowledged after its restart", Duration.ofSeconds(60),
                        () -> load.firstAckAfter(victim, crash.restored) != null && load.ackedIn(after) >= ACKS_PER_PHASE / 2, failures);
                phaseNo += 2;
            }
            load.phase("10 cool-down");
            Waits.until("cool-down writes acknowledged", Duration.ofSeconds(60), () -> load.ackedIn("10 cool-down") >= ACKS_PER_PHASE / 2, failures);
        } finally {
            load.stop();
            monitor.close();
        }
        long loadEnd = load.elapsedMillis();
        for (Fault f : faults) {
            for (String s : SERVICES) {
                f.readyAt.put(s, monitor.readyAfter(s, f.restored));
                f.firstAck.put(s, load.firstAckAfter(s, f.restored));
            }
        }

        List<Write> writes = load.writes();
        check(writes, load, monitor, faults, platform, loadEnd, suiteStart);
    }

    private void check(List<Write> writes, LoadGenerator load, ReadinessMonitor monitor, List<Fault> faults, Platform platform,
                       long loadEnd, long suiteStart) throws Exception {
        Summary summary = new Summary("FAULT TEST: load through Kafka, PostgreSQL and service crashes");

        // Events: every acknowledged write's events on the broker.
        List<EventChecker.Expected> expected = writes.stream().flatMap(w -> w.events().stream()).toList();
        Set<String> subjects = expected.stream().map(EventChecker.Expected::subject).collect(Collectors.toSet());
        EventChecker.Report[] eventReport = new EventChecker.Report[1];
        List<Event> events;
        try (TopicReader reader = new TopicReader(ReliabilityPlatform.kafkaBootstrap(), TOPICS)) {
            Waits.until("every acknowledged write's events on the broker", Duration.ofSeconds(90), () -> {
                eventReport[0] = EventChecker.check(expected, reader.catchUp(), subjects);
                return eventReport[0].missing().isEmpty();
            }, failures);
            events = reader.catchUp();
            eventReport[0] = EventChecker.check(expected, events, subjects);
        }

        // Every acknowledged write readable back through the APIs; failed ones not landed.
        ReadModelChecker models = new ReadModelChecker(base, reader);
        Map<String, Http.Result> fetched = models.prefetch(writes);
        LossChecker.Report loss = LossChecker.check(writes, url -> fetched.computeIfAbsent(url, reader::get), 400);

        // Read models and roll-ups against a recomputation (topics from scratch through a deduplicating consumer, and
        // the writes the APIs acknowledged).
        // Wait until the consumers caught up (or give up), then compare once more, outside the wait: an evaluation
        // the wait cut short must not be what is reported.
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

        // Dead letters: an event a consumer gave up on is an event it never applied.
        List<Event> deadLetters;
        try (TopicReader dlq = new TopicReader(ReliabilityPlatform.kafkaBootstrap(), DLQS)) {
            deadLetters = dlq.catchUp();
        }

        Map<String, List<long[]>> killWindows = new HashMap<>();
        for (Fault f : faults) {
            for (String s : SERVICES) {
                if (f.name.startsWith(s)) {
                    killWindows.computeIfAbsent(s, x -> new ArrayList<>()).add(new long[]{f.injected, f.restored});
                }
            }
        }
        OutageChecker.Report outage = OutageChecker.check(writes, killWindows);

        // ---- figures ------------------------------------------------------------------------------------------------
        long sent = writes.size();
        long acked = writes.stream().filter(Write::acked).count();
        summary.line("writes sent", sent)
                .line("writes acknowledged (2xx)", acked)
                .line("writes rejected 4xx / 503 / refused", count(writes, Write.Outcome.REJECTED) + " / "
                        + count(writes, Write.Outcome.UNAVAILABLE) + " / " + count(writes, Write.Outcome.REFUSED))
                .line("writes 5xx (not 503) / timed out / cut", count(writes, Write.Outcome.SERVER_ERROR) + " / "
                        + count(writes, Write.Outcome.TIMEOUT) + " / " + count(writes, Write.Outcome.RESET))
                .line("acknowledged writes read back", loss.verified() + " of " + loss.acknowledged())
                .line("LOST (acknowledged, not readable)", loss.lost().size())
                .line("unknown outcome (cut/timeout/5xx), landed", loss.indeterminate() + ", " + loss.indeterminateLanded())
                .line("failed writes probed / landed anyway", loss.failedChecked() + " / " + loss.phantoms().size())
                .line("load duration", String.format("%.1f s", loadEnd / 1000.0));
        summary.section("writes by operation (sent / acknowledged)");
        Map<String, long[]> byOp = new TreeMap<>();
        for (Write w : writes) {
            long[] c = byOp.computeIfAbsent(w.service().replace("-service", "") + " " + w.op(), k -> new long[2]);
            c[0]++;
            if (w.acked()) {
                c[1]++;
            }
        }
        byOp.forEach((k, c) -> summary.line(k, c[0] + " / " + c[1]));
        summary.section("outcomes by phase");
        outage.byPhase().forEach((phase, m) -> summary.line(phase, m.toString()));
        summary.line("slowest failed call", outage.maxFailureMillis() + " ms (client timeout " + CLIENT_TIMEOUT.toMillis() + " ms)");
        summary.line("calls cut by a kill / timed out while restarting", outage.cutByKill() + " / " + outage.slowWhileRestarting());
        long[] latencies = writes.stream().filter(Write::acked).mapToLong(Write::millis).sorted().toArray();
        if (latencies.length > 0) {
            summary.line("acknowledged latency p50 / p99 / max", latencies[latencies.length / 2] + " / "
                    + latencies[(int) (latencies.length * 0.99)] + " / " + latencies[latencies.length - 1] + " ms");
        }

        EventChecker.Report er = eventReport[0];
        summary.section("events (deduplicated by ce_id)");
        summary.line("records read (3 topics)", er.recordsRead())
                .line("distinct event ids", er.distinctIds())
                .line("redeliveries (same ce_id again)", er.redeliveries())
                .line("events expected / seen", er.expected() + " / " + er.matched())
                .line("events missing", er.missing().size())
                .line("published twice under two ids", er.publishedTwice().size())
                .line("order violations per aggregate", er.orderViolations().size());
        er.byType().forEach((type, c) -> summary.line("  " + type, "expected " + c[0] + ", on topic " + c[1]));
        Map<String, Set<String>> aggregatesByType = new TreeMap<>();
        for (Event e : events) {
            if (subjects.contains(e.subject())) {
                aggregatesByType.computeIfAbsent(String.valueOf(e.aggregateType()), k -> new HashSet<>()).add(e.subject());
            }
        }
        summary.line("aggregates written", subjects.size() + " " + aggregatesByType.entrySet().stream()
                .map(x -> x.getKey() + " " + x.getValue().size()).collect(Collectors.joining(", ", "(", ")")));
        summary.line("replay consumer: applied / applied twice", replay.applied() + " / " + replay.appliedTwice().size());
        summary.line("dead-lettered events (3 DLQs)", deadLetters.size());

        summary.section("read models and roll-ups vs recomputation");
        modelFigures.forEach(summary::line);
        summary.line("differences", modelDiffs.size());

        summary.section("faults (times in s since the load began)");
        for (Fault f : faults) {
            summary.line(f.name, String.format("injected %.1f, restored %.1f (outage %.1f s)", f.injected / 1000.0,
                    f.restored / 1000.0, (f.restored - f.injected) / 1000.0));
            for (String s : SERVICES) {
                Long ready = f.readyAt.get(s);
                Long ack = f.firstAck.get(s);
                summary.line("  " + s, "ready " + secondsAfter(ready, f.restored) + ", first acknowledged write "
                        + secondsAfter(ack, f.restored) + " after restore");
            }
            if (f.drained != null) {
                summary.line("  events held during the outage published", secondsAfter(f.drained, f.restored) + " after restore");
            }
        }
        summary.section("readiness transitions (s: status; -1 = no answer)");
        for (String s : SERVICES) {
            summary.line(s, monitor.transitions(s).stream().map(t -> String.format("%.1f:%d", t.millis() / 1000.0, t.status()))
                    .collect(Collectors.joining(" ")));
        }
        Fault pg = faults.stream().filter(f -> f.name.startsWith("PostgreSQL")).findFirst().orElse(null);
        if (pg != null) {
            for (String s : SERVICES) {
                boolean down = monitor.wasDownBetween(s, pg.injected, pg.restored);
                summary.line("readiness down during PostgreSQL outage: " + s, down);
                if (!down) {
                    failures.add(s + " stayed ready while PostgreSQL was down");
                }
                if (pg.readyAt.get(s) == null) {
                    failures.add(s + " never became ready again after PostgreSQL restarted");
                }
            }
        }
        summary.line("suite duration", String.format("%.0f s", (System.nanoTime() - suiteStart) / 1e9));

        // ---- verdicts -----------------------------------------------------------------------------------------------
        if (acked < 1000) {
            failures.add("only " + acked + " writes acknowledged: the load did not run as intended");
        }
        loss.lost().forEach(l -> failures.add("LOST: " + l));
        loss.phantoms().forEach(p -> failures.add("landed although refused: " + p));
        er.missing().stream().limit(30).forEach(m -> failures.add("event missing: " + EventChecker.shortType(m.type()) + " of "
                + m.subject() + (m.version() >= 0 ? " v" + m.version() : "") + " (write " + m.writeId() + ")"));
        if (er.missing().size() > 30) {
            failures.add("... and " + (er.missing().size() - 30) + " more missing events");
        }
        er.publishedTwice().forEach(p -> failures.add("published twice: " + p));
        er.orderViolations().forEach(o -> failures.add("order: " + o));
        replay.appliedTwice().forEach(a -> failures.add("applied twice by a deduplicating consumer: " + a));
        modelDiffs.stream().limit(40).forEach(d -> failures.add("read model: " + d));
        for (Event d : deadLetters) {
            failures.add("dead-lettered on " + d.topic() + ": " + d.type() + " " + d.id() + " of " + d.subject());
        }
        outage.violations().stream().limit(40).forEach(v -> failures.add("outage contract: " + v));
        if (outage.violations().size() > 40) {
            failures.add("... and " + (outage.violations().size() - 40) + " more outage-contract violations");
        }
        summary.section("verdict");
        summary.line("invariant violations", failures.size());
        failures.stream().limit(120).forEach(f -> summary.text("✗ " + f));
        summary.print();
        printServerErrorsFromLogs(writes);
        assertTrue(failures.isEmpty(), failures.size() + " reliability invariant(s) broken; first: "
                + (failures.isEmpty() ? "" : failures.get(0)));
    }

    private static long count(List<Write> writes, Write.Outcome o) {
        return writes.stream().filter(w -> w.outcome() == o).count();
    }

    private static String secondsAfter(Long t, long from) {
        return t == null ? "never" : String.format("%.1f s", Math.max(0, t - from) / 1000.0);
    }

    /** {@code n} signatory clusters (registered, then declared existing members), created through membership-service. */
    static List<String> seedSignatories(Http http, String membership, String name, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Http.Result c = http.post(membership + "/api/v1/clusters", map("name", name + " " + (char) ('A' + i),
                    "country", List.of("GB", "NL", "DE", "FR", "ES").get(i % 5), "worldRegion", "EUROPE", "type", "PORT"));
            assertTrue(c.is2xx(), "seed cluster: " + c.brief());
            String id = c.json().path("id").asText();
            Http.Result s = http.post(membership + "/api/v1/clusters/" + id + "/existing-membership", map("joinedYear", 2021));
            assertTrue(s.is2xx(), "seed signatory: " + s.brief());
            ids.add(id);
        }
        return ids;
    }

    /** For every 5xx other than 503: the service log lines around its error id, so the report can quote them. */
    static void printServerErrorsFromLogs(List<Write> writes) {
        List<Write> errors = writes.stream().filter(w -> w.outcome() == Write.Outcome.SERVER_ERROR).limit(5).toList();
        for (Write w : errors) {
            String errorId = w.detail() == null ? null : w.detail().replaceAll("(?s).*\"errorId\":\"([^\"]+)\".*", "$1");
            Path log = ReliabilityPlatform.logOf(w.service());
            System.out.println("---- " + w.service() + " " + w.op() + " HTTP " + w.status() + " [" + w.phase() + "] error id " + errorId);
            try {
                List<String> lines = Files.readAllLines(log);
                for (int i = 0; i < lines.size(); i++) {
                    if (errorId != null && lines.get(i).contains(errorId)) {
                        lines.subList(i, Math.min(lines.size(), i + 25)).forEach(l -> System.out.println("    " + l));
                        break;
                    }
                }
            } catch (IOException e) {
                System.out.println("    (log not readable: " + e.getMessage() + ")");
            }
        }
    }
}
