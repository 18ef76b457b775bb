package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.tic.reliability.Http.map;
import static org.tic.reliability.ReliabilityPlatform.KPI;
import static org.tic.reliability.ReliabilityPlatform.MEMBERSHIP;
import static org.tic.reliability.ReliabilityPlatform.PROJECT;

/**
 * A steady, modest, mixed write load through the three APIs from a few client threads (each paced by a scheduled
 * executor, each owning the resources it writes, so per resource the issue order is the commit order). Every attempt
 * is logged as a {@link Write} with the phase it started in; nothing is retried blindly.
 */
public final class LoadGenerator implements AutoCloseable {

    public static final String CLUSTER_METRIC = "Reliability cluster units";
    public static final String PROJECT_METRIC = "Reliability project units";

    /**
     * What makes one load's data its own on a platform other suites wrote to before: the prefix of its markers (names,
     * notes, searches) and the names of the two KPI metrics whose totals are recomputed from its attempts.
     */
    public record Tag(String markerPrefix, String clusterMetric, String projectMetric) {
        public static final Tag FAULTS = new Tag("rl", CLUSTER_METRIC, PROJECT_METRIC);
    }
    static final List<String> STAGES = List.of("CONCEPT", "FEASIBILITY", "FEED", "BANKABLE", "FID", "UNDER_CONSTRUCTION", "OPERATIONAL");
    private static final List<String> COUNTRIES = List.of("GB", "NL", "DE", "FR", "ES", "IT", "BE", "DK", "NO", "PL");
    private static final LocalDate PERIOD_ORIGIN = LocalDate.of(1990, 1, 1);

    /** A KPI report attempt: enough to recompute the roll-up from what landed. */
    public record KpiAttempt(String subjectId, boolean project, int n, BigDecimal value, String marker, String searchUrl,
                             Write.Outcome outcome, String reportId) {
    }

    private final Map<String, String> base;
    private final String token;
    private final Duration timeout;
    private final List<String> leads;
    private final List<String> kpiClusters;
    private final List<String> statusClusters;
    private final Tag tag;
    private final Random random = new Random(7);
    private final AtomicLong seq = new AtomicLong();
    private final List<Write> ledger = Collections.synchronizedList(new ArrayList<>());
    private final List<KpiAttempt> kpiAttempts = Collections.synchronizedList(new ArrayList<>());
    private final long t0 = System.currentTimeMillis();
    private volatile String phase = "1 warm-up";
    private ScheduledExecutorService executor;
    private final Map<String, List<String>> routes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AtomicLong> roundRobin = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sentTo = new java.util.concurrent.ConcurrentHashMap<>();

    // project ids acknowledged, waiting to be known to kpi-service before a KPI report is sent about them
    private final Deque<long[]> projectQueueTimes = new ArrayDeque<>();
    private final Deque<String> projectQueue = new ArrayDeque<>();

    public LoadGenerator(Map<String, String> baseUrls, String token, Duration timeout, List<String> leads,
                         List<String> kpiClusters, List<String> statusClusters) {
        this(baseUrls, token, timeout, leads, kpiClusters, statusClusters, Tag.FAULTS);
    }

    public LoadGenerator(Map<String, String> baseUrls, String token, Duration timeout, List<String> leads,
                         List<String> kpiClusters, List<String> statusClusters, Tag tag) {
        this.tag = tag;
        this.base = baseUrls;
        this.token = token;
        this.timeout = timeout;
        this.leads = leads;
        this.kpiClusters = kpiClusters;
        this.statusClusters = statusClusters;
    }

    public Tag tag() {
        return tag;
    }

    public void phase(String phase) {
        this.phase = phase;
    }

    public String phase() {
        return phase;
    }

    public long elapsedMillis() {
        return System.currentTimeMillis() - t0;
    }

    public void start(Duration pace) {
        List<Worker> workers = List.of(new OrgWorker(), new JoinWorker(), new ProjectWorker(), new KpiClusterWorker(),
                new KpiProjectWorker());
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(workers.size(), r -> {
            Thread t = new Thread(r, "load");
            t.setDaemon(true);
            return t;
        });
        executor = ex;
        long offset = 0;
        for (Worker w : workers) {
            ex.scheduleWithFixedDelay(() -> {
                try {
                    w.tick();
                } catch (RuntimeException e) {
                    // a bug in the generator must not stop its thread silently
                    System.err.println("[load] " + w.getClass().getSimpleName() + ": " + e);
                }
            }, offset, pace.toMillis(), TimeUnit.MILLISECONDS);
            offset += pace.toMillis() / workers.size();
        }
    }

    /** Stops issuing writes and waits for the ones in flight. */
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(timeout.toMillis() * 2 + 5_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public List<Write> writes() {
        synchronized (ledger) {
            return new ArrayList<>(ledger);
        }
    }

    public List<KpiAttempt> kpiAttempts() {
        synchronized (kpiAttempts) {
            return new ArrayList<>(kpiAttempts);
        }
    }

    public long acked() {
        synchronized (ledger) {
            return ledger.stream().filter(Write::acked).count();
        }
    }

    public long ackedIn(String phase) {
        synchronized (ledger) {
            return ledger.stream().filter(w -> w.acked() && w.phase().equals(phase)).count();
        }
    }

    public long attemptsIn(String phase) {
        synchronized (ledger) {
            return ledger.stream().filter(w -> w.phase().equals(phase)).count();
        }
    }

    /** The start time (ms since the load began) of the first acknowledged write to the service at or after a time. */
    public Long firstAckAfter(String service, long sinceMillis) {
        synchronized (ledger) {
            return ledger.stream().filter(w -> w.acked() && w.service().equals(service) && w.startMillis() >= sinceMillis)
                    .map(Write::startMillis).min(Long::compare).orElse(null);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String url(String service, String path) {
        return base.get(service) + path;
    }

    /**
     * Sends the writes to a service round-robin to these base URLs (its replicas, as a load balancer would); reads
     * back (the writes' {@code url}s, searches) still go to {@code baseUrls} given at construction. Without a route,
     * writes go there too.
     */
    public void route(String service, List<String> baseUrls) {
        routes.put(service, List.copyOf(baseUrls));
    }

    /** Writes sent per routed base URL so far. */
    public Map<String, Long> sentPerTarget() {
        Map<String, Long> out = new java.util.TreeMap<>();
        sentTo.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private String callUrl(String service, String path) {
        List<String> targets = routes.get(service);
        if (targets == null || targets.isEmpty()) {
            return url(service, path);
        }
        long turn = roundRobin.computeIfAbsent(service, k -> new AtomicLong()).getAndIncrement();
        String target = targets.get((int) Math.floorMod(turn, (long) targets.size()));
        sentTo.computeIfAbsent(target, k -> new AtomicLong()).incrementAndGet();
        return target + path;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    private String marker() {
        return tag.markerPrefix() + String.format("%07d", seq.incrementAndGet()) + "x";
    }

    private abstract class Worker {
        final Http http = new Http(timeout, token);

        abstract void tick();

        /** Sends and logs one write; {@code spec} turns the answer into what must hold afterwards. */
        Http.Result write(String service, String op, Write.Kind kind, String marker, String searchUrl,
                          java.util.function.Supplier<Http.Result> call, java.util.function.Function<Http.Result, Spec> spec) {
            String startPhase = phase;
            long start = elapsedMillis();
            Http.Result r = call.get();
            Write.Outcome outcome = Write.Outcome.of(r);
            Spec s = outcome == Write.Outcome.ACK ? spec.apply(r) : spec.apply(null);
            long version = r.etagVersion() >= 0 ? r.etagVersion() : r.json().path("version").asLong(-1);
            String detail = r.failure() != null ? r.error() : r.status() / 100 == 2 ? null
                    : (r.contentType() + " " + (r.body() == null ? "" : r.body().length() > 400 ? r.body().substring(0, 400) : r.body()));
            ledger.add(new Write(seq.incrementAndGet(), getClass().getSimpleName(), service, op, kind, s.url, searchUrl, marker,
                    kind == Write.Kind.APPEND ? -1 : version, outcome, r.status(), r.isProblemJson(), start, r.millis(),
                    startPhase, outcome == Write.Outcome.ACK ? s.events : List.of(), detail));
            return r;
        }
    }

    /** Where a write is read back, and the events it must have produced (known once the answer is in). */
    record Spec(String url, List<EventChecker.Expected> events) {
    }

    private static EventChecker.Expected ev(String marker, String type, String subject, long version, String contains) {
        return new EventChecker.Expected(marker, type, subject, version, contains);
    }

    private static String id(Http.Result r) {
        return r == null ? null : r.json().path("id").asText(null);
    }

    /** Creates an organization; returns its id when acknowledged. */
    private String createOrganization(Worker w, String kind) {
        String m = marker();
        Http.Result r = w.write(MEMBERSHIP, "organization.create", Write.Kind.CREATE, m,
                url(MEMBERSHIP, "/api/v1/organizations?q=" + q(m)),
                () -> w.http.post(callUrl(MEMBERSHIP, "/api/v1/organizations"), map("name", "Org " + m, "kind", kind)),
                a -> a == null ? new Spec(null, List.of()) : new Spec(url(MEMBERSHIP, "/api/v1/organizations/" + id(a)),
                        List.of(ev(m, "tic.membership.organization.created.v1", id(a), 0, m))));
        return r.is2xx() ? id(r) : null;
    }

    /** Organizations: create, rename (PUT), and now and then suspend / reinstate a dedicated signatory cluster. */
    private final class OrgWorker extends Worker {
        final List<String> orgs = new ArrayList<>();
        final Map<String, String> status = new HashMap<>();
        int ticks;

        @Override
        void tick() {
            ticks++;
            if (ticks % 8 == 0 && !statusClusters.isEmpty()) {
                String c = statusClusters.get((ticks / 8) % statusClusters.size());
                String action = "SUSPENDED".equals(status.getOrDefault(c, "SIGNATORY")) ? "reinstate" : "suspend";
                String m = marker();
                Http.Result r = write(MEMBERSHIP, "cluster." + action, Write.Kind.APPEND, m, null,
                        () -> http.post(callUrl(MEMBERSHIP, "/api/v1/clusters/" + c + "/" + action), map("reason", "Load " + m)),
                        a -> new Spec(url(MEMBERSHIP, "/api/v1/clusters/" + c + "/status-history"),
                                List.of(ev(m, "tic.membership.cluster." + (action.equals("suspend") ? "suspended" : "reinstated") + ".v1", c, -1, m))));
                if (r.is2xx()) {
                    status.put(c, r.json().path("status").asText());
                } else if (r.status() == 409) {
                    Http.Result now = http.get(url(MEMBERSHIP, "/api/v1/clusters/" + c));
                    if (now.status() == 200) {
                        status.put(c, now.json().path("status").asText());
                    }
                }
                return;
            }
            if (orgs.size() < 5 || ticks % 2 == 0) {
                String id = createOrganization(this, "COMPANY");
                if (id != null) {
                    orgs.add(id);
                }
                return;
            }
            String org = orgs.get(random(orgs.size()));
            String m = marker();
            write(MEMBERSHIP, "organization.update", Write.Kind.UPDATE, m, null,
                    () -> http.put(callUrl(MEMBERSHIP, "/api/v1/organizations/" + org), map("name", "Org " + m, "kind", "COMPANY"), null),
                    a -> new Spec(url(MEMBERSHIP, "/api/v1/organizations/" + org),
                            a == null ? List.of() : List.of(ev(m, "tic.membership.organization.updated.v1", org, a.etagVersion(), m))));
        }
    }

    /** Clusters joining: register, three organizations, draft, submit, review, approve, one more party, rename. */
    private final class JoinWorker extends Worker {
        int step;
        String cluster;
        String clusterMarker;
        String country;
        final List<String> orgs = new ArrayList<>();
        String application;

        @Override
        void tick() {
            boolean ok = switch (step) {
                case 0 -> register();
                case 1, 2, 3, 8 -> {
                    String id = createOrganization(this, step == 3 ? "GOVERNMENT_BODY" : "COMPANY");
                    if (id != null) {
                        orgs.add(id);
                    }
                    yield id != null;
                }
                case 4 -> draft();
                case 5 -> move("submit", "SUBMITTED", "submitted");
                case 6 -> move("review", "UNDER_REVIEW", "review-started");
                case 7 -> move("approve", "APPROVED", "approved");
                case 9 -> addParty();
                case 10 -> rename();
                default -> false;
            };
            step = ok && step < 10 ? step + 1 : 0;
            if (step == 0) {
                orgs.clear();
                cluster = null;
                application = null;
            }
        }

        boolean register() {
            String m = marker();
            clusterMarker = m;
            country = COUNTRIES.get(random(COUNTRIES.size()));
            Http.Result r = write(MEMBERSHIP, "cluster.register", Write.Kind.CREATE, m, url(MEMBERSHIP, "/api/v1/clusters?q=" + q(m)),
                    () -> http.post(callUrl(MEMBERSHIP, "/api/v1/clusters"), clusterBody(m, null)),
                    a -> a == null ? new Spec(null, List.of()) : new Spec(url(MEMBERSHIP, "/api/v1/clusters/" + id(a)),
                            List.of(ev(m, "tic.membership.cluster.registered.v1", id(a), 0, m))));
            cluster = r.is2xx() ? id(r) : null;
            return cluster != null;
        }

        Map<String, Object> clusterBody(String m, String region) {
            return map("name", "Cluster " + m, "country", country, "worldRegion", "EUROPE", "type", "INDUSTRIAL_COMPLEX",
                    "sectors", List.of("hydrogen"), "subnationalRegion", region);
        }

        boolean draft() {
            String m = marker();
            Map<String, Object> body = map("clusterId", cluster,
                    "statement", map("text", "Net zero with good jobs " + m, "signatories", List.of(map("name", "Chair")), "signedOn", "2024-01-15"),
                    "declaredParties", orgs.subList(0, 3).stream().map(o -> map("organizationId", o, "role", "MEMBER")).toList(),
                    "co2ePotential", map("value", 2, "unit", "MT_CO2E", "period", "per year by 2030"),
                    "justTransition", map("jobsProtectedPlan", "Reskilling programme"));
            Http.Result r = write(MEMBERSHIP, "application.draft", Write.Kind.CREATE, m,
                    url(MEMBERSHIP, "/api/v1/applications?clusterId=" + cluster),
                    () -> http.post(callUrl(MEMBERSHIP, "/api/v1/applications"), body),
                    a -> new Spec(a == null ? null : url(MEMBERSHIP, "/api/v1/applications/" + id(a)), List.of()));
            application = r.is2xx() ? id(r) : null;
            return application != null;
        }

        boolean move(String action, String status, String event) {
            String m = "\"status\":\"" + status + "\"";
            Http.Result r = write(MEMBERSHIP, "application." + action, Write.Kind.UPDATE, m, null,
                    () -> http.post(callUrl(MEMBERSHIP, "/api/v1/applications/" + application + "/" + action),
                            action.equals("approve") ? map("effectiveDate", today()) : map()),
                    a -> {
                        List<EventChecker.Expected> events = new ArrayList<>();
                        if (a != null) {
                            events.add(ev(application + "/" + action, "tic.membership.application." + event + ".v1", application, a.etagVersion(), null));
                            if (action.equals("approve")) {
                                events.add(ev(application + "/joined", "tic.membership.cluster.joined.v1", cluster, -1, application));
                                for (String org : orgs.subList(0, 3)) {
                                    events.add(ev(application + "/" + org, "tic.membership.cluster.party-added.v1", cluster, -1, org));
                                }
                            }
                        }
                        return new Spec(url(MEMBERSHIP, "/api/v1/applications/" + application), events);
                    });
            return r.is2xx();
        }

        boolean addParty() {
            String org = orgs.get(orgs.size() - 1);
            Http.Result r = write(MEMBERSHIP, "party.add", Write.Kind.APPEND, org, null,
                    () -> http.post(callUrl(MEMBERSHIP, "/api/v1/clusters/" + cluster + "/parties"), map("organizationId", org, "role", "MEMBER")),
                    a -> new Spec(url(MEMBERSHIP, "/api/v1/clusters/" + cluster + "/parties"),
                            List.of(ev(org + "/party", "tic.membership.cluster.party-added.v1", cluster, -1, org))));
            return r.is2xx();
        }

        boolean rename() {
            String m = marker();
            Http.Result r = write(MEMBERSHIP, "cluster.update", Write.Kind.UPDATE, m, null,
                    () -> http.put(callUrl(MEMBERSHIP, "/api/v1/clusters/" + cluster), clusterBody(clusterMarker, "Region " + m), null),
                    a -> new Spec(url(MEMBERSHIP, "/api/v1/clusters/" + cluster),
                            a == null ? List.of() : List.of(ev(m, "tic.membership.cluster.updated.v1", cluster, a.etagVersion(), m))));
            return r.is2xx();
        }
    }

    /** Projects: register on a seeded signatory lead, then move them stage by stage up to OPERATIONAL. */
    private final class ProjectWorker extends Worker {
        final class P {
            final String id;
            int stage;
            boolean dirty;

            P(String id) {
                this.id = id;
            }
        }

        final List<P> active = new ArrayList<>();
        int created;

        @Override
        void tick() {
            if (active.size() < 3 || random(4) == 0) {
                create();
                return;
            }
            P p = active.get(random(active.size()));
            if (p.dirty) {
                Http.Result now = http.get(url(PROJECT, "/api/v1/projects/" + p.id));
                if (now.status() == 200) {
                    p.stage = STAGES.indexOf(now.json().path("stage").asText());
                    p.dirty = p.stage < 0;
                    if (p.stage == STAGES.size() - 1) {
                        active.remove(p);
                    }
                }
                return;
            }
            String to = STAGES.get(p.stage + 1);
            String m = marker();
            Map<String, Object> body = map("to", to, "date", today(), "note", "Load " + m);
            if (to.equals("BANKABLE")) {
                body.put("override", true);
                body.put("overrideReason", "Load test: checklist not tracked");
            }
            Http.Result r = write(PROJECT, "project.stage." + to, Write.Kind.APPEND, m, null,
                    () -> http.post(callUrl(PROJECT, "/api/v1/projects/" + p.id + "/stage-transitions"), body),
                    a -> {
                        List<EventChecker.Expected> events = new ArrayList<>();
                        if (a != null) {
                            events.add(ev(m, "tic.project.project.stage-changed.v1", p.id, a.etagVersion(), "\"to\":\"" + to + "\""));
                            if (to.equals("FID")) {
                                events.add(ev(m + "/fid", "tic.project.project.reached-fid.v1", p.id, a.etagVersion(), null));
                                events.add(ev(m + "/fid-milestone", "tic.project.project.milestone-updated.v1", p.id, a.etagVersion(), "\"FID\""));
                            }
                        }
                        return new Spec(url(PROJECT, "/api/v1/projects/" + p.id + "/stage-history"), events);
                    });
            if (r.is2xx()) {
                p.stage++;
                if (p.stage == STAGES.size() - 1) {
                    active.remove(p);
                }
            } else {
                p.dirty = true;
            }
        }

        void create() {
            String m = marker();
            String lead = leads.get(created++ % leads.size());
            Http.Result r = write(PROJECT, "project.create", Write.Kind.CREATE, m, url(PROJECT, "/api/v1/projects?q=" + q(m)),
                    () -> http.post(callUrl(PROJECT, "/api/v1/projects"), map("name", "Project " + m, "category", "ELECTRIFICATION",
                            "leadClusterId", lead)),
                    a -> a == null ? new Spec(null, List.of()) : new Spec(url(PROJECT, "/api/v1/projects/" + id(a)),
                            List.of(ev(m, "tic.project.project.created.v1", id(a), 0, m))));
            if (r.is2xx()) {
                active.add(new P(id(r)));
                synchronized (projectQueue) {
                    projectQueue.addLast(id(r));
                    projectQueueTimes.addLast(new long[]{elapsedMillis()});
                }
            }
        }
    }

    private Http.Result report(Worker w, String subjectId, boolean project, int n, LocalDate start, LocalDate end) {
        String m = marker();
        BigDecimal value = BigDecimal.valueOf(1 + random(1000));
        String field = project ? "projectId" : "clusterId";
        String search = url(KPI, "/api/v1/kpi-reports?" + field + "=" + subjectId + "&periodFrom=" + start + "&periodTo=" + end + "&size=200");
        Map<String, Object> body = map(field, subjectId, "metric", "OTHER", "metricName", project ? tag.projectMetric() : tag.clusterMetric(),
                "value", value, "unit", "COUNT", "periodStart", start.toString(), "periodEnd", end.toString(),
                "source", map("document", "reliability load"), "reportedBy", "reliability-tests", "confidence", "REPORTED",
                "notes", m);
        Http.Result r = w.write(KPI, project ? "kpi.report.project" : "kpi.report.cluster", Write.Kind.CREATE, m, search,
                () -> w.http.post(callUrl(KPI, "/api/v1/kpi-reports"), body),
                a -> a == null ? new Spec(null, List.of()) : new Spec(url(KPI, "/api/v1/kpi-reports/" + id(a)),
                        List.of(ev(m, "tic.kpi.report.reported.v1", id(a), -1, m))));
        kpiAttempts.add(new KpiAttempt(subjectId, project, n, value, m, search, Write.Outcome.of(r), r.is2xx() ? id(r) : null));
        return r;
    }

    /** Cluster-level KPI values: each report covers a later period than the last, so the latest one is the value. */
    private final class KpiClusterWorker extends Worker {
        final Map<String, Integer> counter = new HashMap<>();
        int ticks;

        @Override
        void tick() {
            String c = kpiClusters.get(ticks++ % kpiClusters.size());
            int n = counter.merge(c, 1, Integer::sum);
            LocalDate day = PERIOD_ORIGIN.plusDays(n);
            report(this, c, false, n, day, day);
        }
    }

    /** Project-level KPI values: one per project (another try only after a definite refusal). */
    private final class KpiProjectWorker extends Worker {
        @Override
        void tick() {
            String project;
            synchronized (projectQueue) {
                long[] t = projectQueueTimes.peekFirst();
                if (t == null || elapsedMillis() - t[0] < 3_000) {
                    return;
                }
                projectQueueTimes.pollFirst();
                project = projectQueue.pollFirst();
            }
            Http.Result r = report(this, project, true, 1, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31));
            if (Write.Outcome.of(r).definitelyNotApplied()) {
                synchronized (projectQueue) {
                    projectQueue.addLast(project);
                    projectQueueTimes.addLast(new long[]{elapsedMillis()});
                }
            }
        }
    }

    private int random(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    static JsonNode items(Http.Result r) {
        return r.json().path("items");
    }
}
