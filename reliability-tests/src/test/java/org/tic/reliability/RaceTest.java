package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.devinfra.process.ServiceProcess;
import org.tic.devinfra.testing.TestTokens;
import org.tic.reliability.TopicReader.Event;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.reliability.Http.map;
import static org.tic.reliability.ReliabilityPlatform.KPI;
import static org.tic.reliability.ReliabilityPlatform.MEMBERSHIP;
import static org.tic.reliability.ReliabilityPlatform.PROJECT;

/**
 * Suite 3 — races. N updaters with the same If-Match: one wins, N-1 get 412, the resource holds the winner's state.
 * Concurrent stage moves of one project and concurrent decisions on one application: one wins, the others get
 * 409/412/422, and the broker carries the winner's event once. Two membership-service replicas relaying one outbox
 * under concurrent writes through both: no event lost, none published under two ids, order per aggregate kept.
 */
@ExtendWith(ReliabilityPlatform.class)
@Order(3)
class RaceTest {

    private static final String TOKEN = TestTokens.secretariat();
    private static final int RACERS = Integer.getInteger("reliability.race.racers", 8);
    private static final int ROUNDS = Integer.getInteger("reliability.race.rounds", 3);
    private static final Set<Integer> CONFLICT = Set.of(409, 412, 422);

    private final Http http = new Http(Duration.ofSeconds(20), TOKEN);
    private final List<RaceChecker.Report> races = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    private static String m(String path) {
        return ReliabilityPlatform.baseUrl(MEMBERSHIP) + path;
    }

    private static String p(String path) {
        return ReliabilityPlatform.baseUrl(PROJECT) + path;
    }

    private static String k(String path) {
        return ReliabilityPlatform.baseUrl(KPI) + path;
    }

    @Test
    void oneWinnerPerRaceAndTwoRelaysKeepTheOutboxExact() throws Exception {
        long t0 = System.nanoTime();
        String signatory = signatory("Race lead " + System.nanoTime() % 100000, "NL");
        com.fasterxml.jackson.databind.JsonNode[] seen = new JsonNode[1];
        Waits.until("project-service and kpi-service know the race lead", Duration.ofSeconds(90),
                () -> "SIGNATORY".equals(http.get(p("/api/v1/clusters/" + signatory)).json().path("status").asText())
                        && http.get(k("/api/v1/clusters/" + signatory + "/kpis")).status() == 200, failures);

        ifMatchRaces(signatory);
        stageRaces(signatory);
        approvalRaces();
        twoRelays();

        Summary summary = new Summary("RACES: If-Match, stage moves, approvals, two outbox relays");
        summary.line("racers per race", RACERS);
        summary.section("races (attempts: statuses)");
        for (RaceChecker.Report r : races) {
            summary.line(r.race(), r.attempts() + ": " + r.byStatus() + (r.ok() ? "" : "  ✗"));
            failures.addAll(r.violations());
        }
        summary.section("two membership-service replicas relaying one outbox");
        figures.forEach(summary::line);
        summary.line("suite duration", String.format("%.0f s", (System.nanoTime() - t0) / 1e9));
        summary.section("verdict");
        summary.line("invariant violations", failures.size());
        failures.stream().limit(60).forEach(f -> summary.text("✗ " + f));
        summary.print();
        assertTrue(failures.isEmpty(), failures.size() + " race invariant(s) broken; first: " + (failures.isEmpty() ? "" : failures.get(0)));
    }

    // ---- If-Match -------------------------------------------------------------------------------------------------

    private void ifMatchRaces(String signatory) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // organization
            Http.Result org = http.post(m("/api/v1/organizations"), map("name", "Race org " + round, "kind", "COMPANY"));
            String orgUrl = m("/api/v1/organizations/" + id(org));
            ifMatchRace("PUT organization (If-Match)", orgUrl, org.etag(),
                    i -> http.put(orgUrl, map("name", "Race org winner? " + i, "kind", "COMPANY"), org.etag()),
                    (winner, body) -> body.path("name").asText().equals("Race org winner? " + winner));
            // cluster
            Http.Result cluster = http.post(m("/api/v1/clusters"), map("name", "Race cluster " + round + " " + System.nanoTime() % 100000,
                    "country", "DE", "worldRegion", "EUROPE", "type", "PORT"));
            String clusterUrl = m("/api/v1/clusters/" + id(cluster));
            String clusterName = cluster.json().path("name").asText();
            ifMatchRace("PUT cluster (If-Match)", clusterUrl, cluster.etag(),
                    i -> http.put(clusterUrl, map("name", clusterName, "country", "DE", "worldRegion", "EUROPE", "type", "PORT",
                            "subnationalRegion", "Region " + i), cluster.etag()),
                    (winner, body) -> body.path("subnationalRegion").asText().equals("Region " + winner));
            // policy adoption
            Http.Result policy = http.post(m("/api/v1/policy-adoptions"), map("country", "DE", "title", "Race policy " + round,
                    "kind", "NATIONAL_AGENDA", "adoptedOn", "2024-05-01"));
            if (policy.is2xx()) {
                String policyUrl = m("/api/v1/policy-adoptions/" + id(policy));
                ifMatchRace("PUT policy adoption (If-Match)", policyUrl, policy.etag(),
                        i -> http.put(policyUrl, map("country", "DE", "title", "Race policy v" + i, "kind", "NATIONAL_AGENDA",
                                "adoptedOn", "2024-05-01"), policy.etag()),
                        (winner, body) -> body.path("title").asText().equals("Race policy v" + winner));
            } else {
                failures.add("could not create a policy adoption for the race: " + policy.brief());
            }
            // project
            Http.Result project = http.post(p("/api/v1/projects"), map("name", "Race project " + round + " " + System.nanoTime() % 100000,
                    "category", "ELECTRIFICATION", "leadClusterId", signatory));
            String projectUrl = p("/api/v1/projects/" + id(project));
            String projectName = project.json().path("name").asText();
            ifMatchRace("PUT project (If-Match)", projectUrl, project.etag(),
                    i -> http.put(projectUrl, map("name", projectName, "category", "ELECTRIFICATION", "leadClusterId", signatory,
                            "description", "Racer " + i), project.etag()),
                    (winner, body) -> body.path("description").asText().equals("Racer " + winner));
            // KPI correction
            Map<String, Object> report = kpiReport(signatory, 1);
            Http.Result created = http.post(k("/api/v1/kpi-reports"), report);
            if (!created.is2xx()) {
                failures.add("could not create a KPI report for the race: " + created.brief());
                continue;
            }
            String reportUrl = k("/api/v1/kpi-reports/" + id(created));
            ifMatchRace("POST KPI correction (If-Match)", reportUrl, created.etag(),
                    i -> http.post(reportUrl + "/corrections", map("reason", "Race " + i, "report", kpiReport(signatory, 100 + i)), created.etag()),
                    (winner, body) -> body.path("value").asInt() == 100 + winner && body.path("revision").asInt() == 2);
        }
    }

    private void ifMatchRace(String race, String url, String etag, IntFunction<Http.Result> attempt,
                             java.util.function.BiPredicate<Integer, JsonNode> holdsWinner) throws Exception {
        if (etag == null) {
            failures.add(race + ": the resource could not be created or has no ETag");
            return;
        }
        List<Http.Result> results = concurrently(RACERS, attempt);
        int winner = -1;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).is2xx()) {
                winner = i;
            }
        }
        JsonNode body = http.get(url).json();
        boolean finalOk = winner >= 0 && holdsWinner.test(winner, body);
        races.add(RaceChecker.check(race, results, Set.of(412), finalOk));
    }

    /** Runs n attempts as simultaneously as the machine allows (all threads released by one latch). */
    static List<Http.Result> concurrently(int n, IntFunction<Http.Result> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Result>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return attempt.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<Http.Result> results = new ArrayList<>();
            for (Future<Http.Result> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- stage moves and approvals -------------------------------------------------------------------------------

    private void stageRaces(String signatory) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> projects = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Http.Result project = http.post(p("/api/v1/projects"), map("name", "Stage race " + round + " " + System.nanoTime() % 100000,
                    "category", "HYDROGEN_AND_DERIVATIVES", "leadClusterId", signatory));
            String pid = id(project);
            projects.add(pid);
            // Different targets are only a race when conditional: without If-Match, a move sent after another one
            // committed is simply the next move. So the mixed round sends the version all racers saw.
            boolean mixed = round == ROUNDS - 1;
            String seenVersion = project.etag();
            List<Http.Result> results = concurrently(RACERS, i -> {
                String to = mixed ? List.of("FEASIBILITY", "ON_HOLD", "CANCELLED", "FEED").get(i % 4) : "FEASIBILITY";
                Map<String, Object> body = map("to", to, "date", today, "note", "Racer " + i + (to.equals("CANCELLED") ? " cancels" : ""));
                if (to.equals("FEED")) {
                    body.put("skipReason", "Race: feasibility done elsewhere");
                }
                return http.post(p("/api/v1/projects/" + pid + "/stage-transitions"), body, mixed ? seenVersion : null);
            });
            JsonNode history = http.get(p("/api/v1/projects/" + pid + "/stage-history")).json();
            int moves = 0;
            for (JsonNode h : history.isArray() ? history : history.path("items")) {
                if (!h.path("from").isNull() && !h.path("from").isMissingNode()) {
                    moves++;
                }
            }
            races.add(RaceChecker.check((mixed ? "stage moves to different stages, If-Match" : "stage moves CONCEPT→FEASIBILITY") + " (round " + round + ")",
                    results, CONFLICT, moves == 1));
        }
        // the broker: exactly one stage-changed per project
        Map<String, Integer> stageEvents = new TreeMap<>();
        Waits.until("one stage-changed event per raced project on project.events", Duration.ofSeconds(60), () -> {
            stageEvents.clear();
            try (TopicReader reader = new TopicReader(ReliabilityPlatform.kafkaBootstrap(), List.of("project.events"))) {
                Set<String> ids = new HashSet<>();
                for (Event e : reader.catchUp()) {
                    if (projects.contains(e.subject()) && "tic.project.project.stage-changed.v1".equals(e.type()) && ids.add(e.id())) {
                        stageEvents.merge(e.subject(), 1, Integer::sum);
                    }
                }
            }
            return projects.stream().allMatch(x -> stageEvents.getOrDefault(x, 0) == 1);
        }, failures);
        figures.put("stage-changed events per raced project", stageEvents.values());
    }

    private void approvalRaces() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> applications = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Http.Result cluster = http.post(m("/api/v1/clusters"), map("name", "Approval race " + round + " " + System.nanoTime() % 100000,
                    "country", "FR", "worldRegion", "EUROPE", "type", "HYDROGEN_VALLEY"));
            String cid = id(cluster);
            clusters.add(cid);
            List<String> orgs = new ArrayList<>();
            for (String kind : List.of("COMPANY", "COMPANY", "GOVERNMENT_BODY")) {
                orgs.add(id(http.post(m("/api/v1/organizations"), map("name", "Approval race org " + kind + " " + System.nanoTime(), "kind", kind))));
            }
            Http.Result app = http.post(m("/api/v1/applications"), map("clusterId", cid,
                    "statement", map("text", "Net zero", "signatories", List.of(map("name", "Chair")), "signedOn", "2024-01-15"),
                    "declaredParties", orgs.stream().map(o -> map("organizationId", o, "role", "MEMBER")).toList(),
                    "co2ePotential", map("value", 2, "unit", "MT_CO2E", "period", "per year by 2030"),
                    "justTransition", map("jobsProtectedPlan", "Reskilling")));
            String aid = id(app);
            applications.add(aid);
            http.post(m("/api/v1/applications/" + aid + "/submit"), map());
            Http.Result review = http.post(m("/api/v1/applications/" + aid + "/review"), map());
            boolean mixed = round == ROUNDS - 1;
            List<Http.Result> results = concurrently(RACERS, i -> {
                String action = mixed ? List.of("approve", "reject", "withdraw").get(i % 3) : "approve";
                return http.post(m("/api/v1/applications/" + aid + "/" + action),
                        action.equals("approve") ? map("effectiveDate", today) : map("reason", "Racer " + i), mixed ? review.etag() : null);
            });
            JsonNode finalApp = http.get(m("/api/v1/applications/" + aid)).json();
            String status = finalApp.path("status").asText();
            String clusterStatus = http.get(m("/api/v1/clusters/" + cid)).json().path("status").asText();
            boolean consistent = status.equals("APPROVED") == clusterStatus.equals("SIGNATORY")
                    && finalApp.path("version").asLong() == review.etagVersion() + 1;
            races.add(RaceChecker.check((mixed ? "approve / reject / withdraw, If-Match" : "approvals") + " of one application (round " + round + ")",
                    results, CONFLICT, consistent));
        }
        Map<String, Integer> decisions = new TreeMap<>();
        Waits.until("one decision event per raced application on membership.events", Duration.ofSeconds(60), () -> {
            decisions.clear();
            try (TopicReader reader = new TopicReader(ReliabilityPlatform.kafkaBootstrap(), List.of("membership.events"))) {
                Set<String> ids = new HashSet<>();
                for (Event e : reader.catchUp()) {
                    if (applications.contains(e.subject()) && e.type() != null && e.type().matches(
                            "tic\\.membership\\.application\\.(approved|rejected|withdrawn)\\.v1") && ids.add(e.id())) {
                        decisions.merge(e.subject(), 1, Integer::sum);
                    }
                }
            }
            return applications.stream().allMatch(a -> decisions.getOrDefault(a, 0) == 1);
        }, failures);
        figures.put("decision events per raced application", decisions.values());
    }

    // ---- two relays -----------------------------------------------------------------------------------------------

    private void twoRelays() throws Exception {
        ServiceProcess replica = ReliabilityPlatform.newReplica(MEMBERSHIP, "membership");
        long t = System.nanoTime();
        replica.start();
        try {
            replica.awaitReady(Duration.ofSeconds(180));
            figures.put("second replica ready after", String.format("%.1f s", (System.nanoTime() - t) / 1e9));
            List<String> replicas = List.of(ReliabilityPlatform.baseUrl(MEMBERSHIP), replica.baseUrl());
            int writers = 4;
            int clustersPerWriter = 3;
            int updatesPerCluster = Integer.getInteger("reliability.race.relay-updates", 12);
            List<EventChecker.Expected> expected = Collections.synchronizedList(new ArrayList<>());
            List<String> writeFailures = Collections.synchronizedList(new ArrayList<>());
            Map<String, Long> lastVersion = Collections.synchronizedMap(new TreeMap<>());
            int[] writes = new int[1];
            List<Http.Result> done = concurrently(writers, w -> {
                Http client = new Http(Duration.ofSeconds(20), TOKEN);
                int count = 0;
                for (int c = 0; c < clustersPerWriter; c++) {
                    String name = "Relay " + w + "-" + c + " " + System.nanoTime() % 1000000;
                    Http.Result created = client.post(replicas.get(c % 2) + "/api/v1/clusters", map("name", name, "country", "BE",
                            "worldRegion", "EUROPE", "type", "ENERGY_HUB"));
                    count++;
                    if (!created.is2xx()) {
                        writeFailures.add("register via replica " + (c % 2 + 1) + ": " + created.brief());
                        continue;
                    }
                    String cid = id(created);
                    expected.add(new EventChecker.Expected(name, "tic.membership.cluster.registered.v1", cid, 0, null));
                    for (int u = 1; u <= updatesPerCluster; u++) {
                        String region = "Relay region " + w + "-" + c + "-" + u;
                        Http.Result r = client.put(replicas.get(u % 2) + "/api/v1/clusters/" + cid, map("name", name, "country", "BE",
                                "worldRegion", "EUROPE", "type", "ENERGY_HUB", "subnationalRegion", region), null);
                        count++;
                        if (r.is2xx()) {
                            expected.add(new EventChecker.Expected(region, "tic.membership.cluster.updated.v1", cid, r.etagVersion(), region));
                            lastVersion.put(cid, r.etagVersion());
                        } else {
                            writeFailures.add("update via replica " + (u % 2 + 1) + ": " + r.brief());
                        }
                        Http.Result o = client.post(replicas.get((u + c) % 2) + "/api/v1/organizations", map("name", "Relay org " + region,
                                "kind", "COMPANY"));
                        count++;
                        if (o.is2xx()) {
                            expected.add(new EventChecker.Expected(region, "tic.membership.organization.created.v1", id(o), 0, region));
                        } else {
                            writeFailures.add("organization via replica " + ((u + c) % 2 + 1) + ": " + o.brief());
                        }
                    }
                }
                synchronized (writes) {
                    writes[0] += count;
                }
                return new Http.Result(200, null, null, null, null, null, 0, null);
            });
            assertTrue(done.size() == writers);
            Set<String> subjects = expected.stream().map(EventChecker.Expected::subject).collect(Collectors.toSet());
            EventChecker.Report[] report = new EventChecker.Report[1];
            List<Event>[] events = new List[]{List.of()};
            try (TopicReader reader = new TopicReader(ReliabilityPlatform.kafkaBootstrap(), List.of("membership.events"))) {
                Waits.until("every write through both replicas on membership.events", Duration.ofSeconds(90), () -> {
                    events[0] = reader.catchUp();
                    report[0] = EventChecker.check(expected, events[0], subjects);
                    return report[0].missing().isEmpty();
                }, failures);
            }
            EventChecker.Report r = report[0];
            // strictly increasing versions per cluster (each acknowledged update made a new version)
            List<String> notIncreasing = new ArrayList<>();
            Map<String, List<Long>> versions = new TreeMap<>();
            Set<String> seenIds = new HashSet<>();
            for (Event e : events[0]) {
                if (subjects.contains(e.subject()) && "cluster".equals(e.aggregateType()) && seenIds.add(e.id())) {
                    versions.computeIfAbsent(e.subject(), x -> new ArrayList<>()).add(e.version());
                }
            }
            versions.forEach((cid, vs) -> {
                for (int i = 1; i < vs.size(); i++) {
                    if (vs.get(i) <= vs.get(i - 1)) {
                        notIncreasing.add(cid + " versions on the topic " + vs);
                        break;
                    }
                }
            });
            ReplayConsumer consumer = new ReplayConsumer(true).acceptAll(events[0]);
            Map<String, Object> expectedLast = new TreeMap<>(lastVersion);
            Map<String, Object> replayed = new TreeMap<>();
            lastVersion.keySet().forEach(cid -> replayed.put(cid, consumer.clusters().containsKey(cid) ? consumer.clusters().get(cid).version() : null));
            Map<String, Object> projectModel = new TreeMap<>();
            Waits.until("project-service's read model holds the last version of every relayed cluster", Duration.ofSeconds(90), () -> {
                for (String cid : lastVersion.keySet()) {
                    projectModel.put(cid, http.get(p("/api/v1/clusters/" + cid)).json().path("version").asLong(-1));
                }
                return Diff.of("", expectedLast, projectModel).isEmpty();
            }, new ArrayList<>());

            figures.put("writes through two replicas", writes[0] + " (" + writeFailures.size() + " failed)");
            figures.put("events expected / seen", r.expected() + " / " + r.matched());
            figures.put("events missing", r.missing().size());
            figures.put("records / distinct ids / redeliveries", r.recordsRead() + " / " + r.distinctIds() + " / " + r.redeliveries());
            figures.put("published twice under two ids", r.publishedTwice().size());
            figures.put("order violations / non-increasing versions", r.orderViolations().size() + " / " + notIncreasing.size());
            figures.put("replay consumer applied twice", consumer.appliedTwice().size());
            failures.addAll(writeFailures);
            r.missing().stream().limit(20).forEach(x -> failures.add("two relays: event missing " + EventChecker.shortType(x.type())
                    + " of " + x.subject() + " v" + x.version()));
            r.publishedTwice().forEach(x -> failures.add("two relays: published twice " + x));
            r.orderViolations().forEach(x -> failures.add("two relays: order " + x));
            notIncreasing.forEach(x -> failures.add("two relays: " + x));
            consumer.appliedTwice().forEach(x -> failures.add("two relays: applied twice " + x));
            failures.addAll(Diff.of("replayed last version", expectedLast, replayed));
            failures.addAll(Diff.of("project-service read model version", expectedLast, projectModel));
        } finally {
            replica.stop();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private String signatory(String name, String country) {
        Http.Result c = http.post(m("/api/v1/clusters"), map("name", name, "country", country, "worldRegion", "EUROPE", "type", "PORT"));
        assertTrue(c.is2xx(), c.brief());
        Http.Result s = http.post(m("/api/v1/clusters/" + id(c) + "/existing-membership"), map("joinedYear", 2022));
        assertTrue(s.is2xx(), s.brief());
        return id(c);
    }

    private static Map<String, Object> kpiReport(String cluster, int value) {
        return map("clusterId", cluster, "metric", "OTHER", "metricName", "Race units", "value", value, "unit", "COUNT",
                "periodStart", "2001-01-01", "periodEnd", "2001-12-31", "source", map("document", "race"),
                "reportedBy", "reliability-tests", "confidence", "REPORTED");
    }

    private static String id(Http.Result r) {
        return r.json().path("id").asText(null);
    }
}
