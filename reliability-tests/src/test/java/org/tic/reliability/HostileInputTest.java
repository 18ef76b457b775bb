package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.devinfra.identity.JwtMinter;
import org.tic.devinfra.testing.TestTokens;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.reliability.Http.map;
import static org.tic.reliability.ReliabilityPlatform.KPI;
import static org.tic.reliability.ReliabilityPlatform.MEMBERSHIP;
import static org.tic.reliability.ReliabilityPlatform.PROJECT;
import static org.tic.reliability.ReliabilityPlatform.SERVICES;

/**
 * Suite 2 — hostile input, generated from each running service's OpenAPI document with a fixed, printed seed
 * ({@code -Dreliability.seed=N} reproduces a run; request #i is always the same request). Every answer must be a
 * non-5xx, every 4xx RFC 9457 problem+json with type/title/status, and nothing may be written by a rejected request:
 * the collections grow exactly by the creates that were accepted, and fixtures no accepted request touched keep
 * their version.
 */
@ExtendWith(ReliabilityPlatform.class)
@Order(2)
class HostileInputTest {

    private static final long SEED = Long.getLong("reliability.seed", 20250611L);
    private static final int REQUESTS = Integer.getInteger("reliability.hostile.requests", 10_500);
    private static final int THREADS = Integer.getInteger("reliability.hostile.threads", 4);

    /** Collections whose size must change only by accepted creates: list URL → Location prefix of a create. */
    private static final Map<String, String[]> COLLECTIONS = new LinkedHashMap<>();

    static {
        COLLECTIONS.put("organizations", new String[]{MEMBERSHIP, "/api/v1/organizations"});
        COLLECTIONS.put("clusters", new String[]{MEMBERSHIP, "/api/v1/clusters"});
        COLLECTIONS.put("applications", new String[]{MEMBERSHIP, "/api/v1/applications"});
        COLLECTIONS.put("policy-adoptions", new String[]{MEMBERSHIP, "/api/v1/policy-adoptions"});
        COLLECTIONS.put("projects", new String[]{PROJECT, "/api/v1/projects"});
        COLLECTIONS.put("kpi-reports", new String[]{KPI, "/api/v1/kpi-reports"});
        COLLECTIONS.put("kpi-imports", new String[]{KPI, "/api/v1/kpi-imports"});
    }

    record Outcome(int index, HostileGenerator.Request request, RawHttp.Response response, List<String> violations) {
    }

    private final Http http = new Http(Duration.ofSeconds(20), TestTokens.secretariat());

    @Test
    void hostileRequestsGetProblemsNeverServerErrorsAndWriteNothing() throws Exception {
        long t0 = System.nanoTime();
        Map<String, OpenApi> apis = new LinkedHashMap<>();
        List<OpenApi.Operation> operations = new ArrayList<>();
        for (String s : SERVICES) {
            Http.Result doc = http.get(ReliabilityPlatform.baseUrl(s) + "/q/openapi?format=json");
            assertTrue(doc.status() == 200, s + " OpenAPI document: " + doc.brief());
            OpenApi api = new OpenApi(s, doc.json());
            apis.put(s, api);
            operations.addAll(api.operations());
        }
        Map<String, String> fixtures = fixtures();
        HostileGenerator generator = new HostileGenerator(fixtures, tokens(fixtures.get("organization")));

        Map<String, Long> before = counts();
        Map<String, Long> versionsBefore = fixtureVersions(fixtures);

        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<String> generatorErrors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                    OpenApi.Operation op = operations.get(i % operations.size());
                    try {
                        Random rnd = new Random(SEED * 1_000_003L + i);
                        HostileGenerator.Request req = generator.generate(apis.get(op.service()), op, rnd);
                        URI base = URI.create(ReliabilityPlatform.baseUrl(op.service()));
                        RawHttp.Response res = RawHttp.send(base.getHost(), base.getPort(), req.method(), req.target(), req.headers(),
                                req.body(), 15_000);
                        outcomes.add(new Outcome(i, req, res, violations(req, res)));
                    } catch (RuntimeException e) {
                        generatorErrors.add("#" + i + " " + op.key() + ": " + e);
                    }
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(15, TimeUnit.MINUTES), "hostile requests did not finish");

        Map<String, Long> after = counts();
        Map<String, Long> versionsAfter = fixtureVersions(fixtures);
        List<String> failures = new ArrayList<>();

        // ---- nothing written by a rejected request ----------------------------------------------------------------
        Map<String, Long> accepted = new TreeMap<>();
        COLLECTIONS.keySet().forEach(c -> accepted.put(c, 0L));
        Map<String, Integer> writes2xx = new TreeMap<>();
        List<String> touchedText = new ArrayList<>();
        List<String> acceptedWrites = new ArrayList<>();
        for (Outcome o : outcomes) {
            HostileGenerator.Request r = o.request();
            int status = o.response().status();
            if (status / 100 != 2 || r.method().equals("GET") || r.method().equals("HEAD") || r.method().equals("OPTIONS")) {
                continue;
            }
            writes2xx.merge(r.service() + " " + r.method() + " " + r.operation(), 1, Integer::sum);
            String body = r.body() == null ? "" : new String(r.body(), StandardCharsets.UTF_8);
            touchedText.add(r.target() + " " + body);
            String location = o.response().headers().getOrDefault("location", "");
            String path = location.isEmpty() ? "" : URI.create(location).getPath();
            if (r.method().equals("POST") && !path.isEmpty() && (status == 201 || status == 202)) {
                for (Map.Entry<String, String[]> c : COLLECTIONS.entrySet()) {
                    // a new member of the collection: its Location is the collection plus one id segment
                    if (path.matches(java.util.regex.Pattern.quote(c.getValue()[1]) + "/[0-9a-fA-F-]{36}")) {
                        accepted.merge(c.getKey(), 1L, Long::sum);
                    }
                }
            }
            acceptedWrites.add("#" + o.index() + " " + status + " " + r.service() + " " + r.describe());
            if (r.operation().equals("POST /api/v1/clusters/merges")) {
                JsonNode merge = Http.JSON.readTree(body.isEmpty() ? "{}" : body);
                if (merge.path("newCluster").isObject()) {
                    accepted.merge("clusters", 1L, Long::sum);
                }
            }
            if (r.method().equals("DELETE") && path.isEmpty() && r.target().matches("/api/v1/organizations/[0-9a-fA-F-]{36}")) {
                accepted.merge("organizations", -1L, Long::sum);
            }
        }
        Map<String, Object> expectedCounts = new TreeMap<>();
        Map<String, Object> actualCounts = new TreeMap<>();
        for (String c : COLLECTIONS.keySet()) {
            expectedCounts.put(c, before.get(c) + accepted.get(c));
            actualCounts.put(c, after.get(c));
        }
        failures.addAll(Diff.of("collection size (before + accepted creates)", expectedCounts, actualCounts));
        for (Map.Entry<String, Long> f : versionsBefore.entrySet()) {
            String id = fixtures.get(f.getKey());
            boolean touched = touchedText.stream().anyMatch(t -> t.contains(id))
                    || (f.getKey().equals("cluster") && touchedText.stream().anyMatch(t -> t.contains(fixtures.get("application"))));
            if (!touched && !f.getValue().equals(versionsAfter.get(f.getKey()))) {
                failures.add("fixture " + f.getKey() + " " + id + " changed from version " + f.getValue() + " to "
                        + versionsAfter.get(f.getKey()) + " although no accepted request touched it");
            }
        }

        // ---- answers --------------------------------------------------------------------------------------------
        Map<String, Map<Integer, Integer>> byService = new TreeMap<>();
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> undocumented = new TreeMap<>();
        Map<String, OpenApi.Operation> opsByKey = new HashMap<>();
        operations.forEach(op -> opsByKey.put(op.service() + " " + op.key(), op));
        List<Outcome> bad = new ArrayList<>();
        long fiveXx = 0;
        long fourXx = 0;
        for (Outcome o : outcomes) {
            int status = o.response().failure() != null ? -1 : o.response().status();
            byService.computeIfAbsent(o.request().service(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            byCategory.merge(o.request().category(), 1, Integer::sum);
            fiveXx += status >= 500 ? 1 : 0;
            fourXx += status >= 400 && status < 500 ? 1 : 0;
            if (!o.violations().isEmpty()) {
                bad.add(o);
            }
            OpenApi.Operation op = opsByKey.get(o.request().service() + " " + o.request().operation());
            if (op != null && status > 0 && !o.request().category().equals("bad-path") && !o.request().category().equals("method")
                    && !op.documented().contains(status)) {
                undocumented.merge(o.request().operation() + " → " + status, 1, Integer::sum);
            }
        }
        bad.sort((a, b) -> Integer.compare(a.index(), b.index()));
        Map<String, Integer> protocolAnswers = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.request().category().equals("protocol")) {
                RawHttp.Response res = o.response();
                protocolAnswers.merge((res.failure() != null ? "no answer" : String.valueOf(res.status())) + " "
                        + (res.contentType() == null ? "(no Content-Type, empty body)" : res.contentType()), 1, Integer::sum);
            }
        }
        Map<String, Integer> violationKinds = new TreeMap<>();
        for (Outcome o : bad) {
            for (String v : o.violations()) {
                String kind = !v.startsWith("HTTP ") ? v.replaceAll(":.*", "")
                        : v.startsWith("HTTP 5") ? v.substring(0, 8)
                        : v.substring(0, 8) + (v.contains("Content-Type") ? " not problem+json" : " malformed problem");
                violationKinds.merge(o.request().service() + " " + o.request().operation() + " → " + kind, 1, Integer::sum);
            }
        }

        Summary summary = new Summary("HOSTILE INPUT: generated from the services' OpenAPI documents");
        summary.line("seed (-Dreliability.seed)", SEED)
                .line("operations (from /q/openapi)", operations.size() + " (" + SERVICES.stream().map(s -> s.replace("-service", "")
                        + " " + apis.get(s).operations().size()).reduce((a, b) -> a + ", " + b).orElse("") + ")")
                .line("requests sent", outcomes.size())
                .line("answers 5xx", fiveXx)
                .line("answers 4xx (all must be problem+json)", fourXx)
                .line("answers violating the contract", bad.size())
                .line("accepted (2xx) writes among them", writes2xx.values().stream().mapToInt(Integer::intValue).sum());
        summary.section("answers per service and status (-1 = no answer)");
        byService.forEach((s, m) -> summary.line(s, m.toString()));
        summary.section("requests per kind of damage");
        byCategory.forEach(summary::line);
        summary.section("nothing written by rejected requests");
        for (String c : COLLECTIONS.keySet()) {
            summary.line(c, "before " + before.get(c) + ", accepted creates " + accepted.get(c) + ", after " + after.get(c));
        }
        summary.line("fixture versions before", versionsBefore.toString());
        summary.line("fixture versions after", versionsAfter.toString());
        summary.section("accepted writes (documented behaviour, counted above)");
        writes2xx.forEach(summary::line);
        summary.section("statuses not in the operation's documented responses (informational)");
        undocumented.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                .forEach(e -> summary.line(e.getKey(), e.getValue()));
        summary.section("protocol-level garbage (invalid URI syntax, request line > 4 KiB, header > 8 KiB), answered by the HTTP layer");
        protocolAnswers.forEach(summary::line);
        summary.section("contract violations by operation and kind");
        violationKinds.forEach(summary::line);
        summary.section("server errors, with the service log's first lines for their error id");
        for (Outcome o : outcomes) {
            if (o.response().status() >= 500) {
                summary.text("#" + o.index() + " " + o.request().service() + " → " + o.response().status() + " " + o.request().describe());
                logLines(o.request().service(), o.response().body()).forEach(l -> summary.text("     | " + l));
            }
        }
        summary.section("accepted writes that deleted or created something (first 40)");
        acceptedWrites.stream().filter(w -> w.contains(" 201 ") || w.contains(" 202 ") || w.contains(" 204 ")).limit(40)
                .forEach(w -> summary.text(w.length() > 300 ? w.substring(0, 300) + "…" : w));
        summary.section("first violating requests (#index: reproduce with the seed)");
        for (Outcome o : bad.stream().limit(25).toList()) {
            summary.text("#" + o.index() + " " + o.request().service() + " " + o.request().describe());
            o.violations().forEach(v -> summary.text("     → " + v));
        }
        summary.line("suite duration", String.format("%.0f s", (System.nanoTime() - t0) / 1e9));
        summary.section("verdict");
        for (Outcome o : bad) {
            failures.add("#" + o.index() + " " + o.request().service() + " " + o.request().method() + " "
                    + o.request().operation() + " [" + o.request().category() + "]: " + String.join("; ", o.violations()));
        }
        generatorErrors.forEach(e -> failures.add("generator: " + e));
        if (outcomes.size() < 10_000 && REQUESTS >= 10_000) {
            failures.add("only " + outcomes.size() + " requests were sent");
        }
        summary.line("invariant violations", failures.size());
        failures.stream().filter(f -> !f.startsWith("#")).forEach(f -> summary.text("✗ " + f));
        summary.print();
        assertTrue(failures.isEmpty(), failures.size() + " hostile-input violation(s) with seed " + SEED + "; first: "
                + (failures.isEmpty() ? "" : failures.get(0)));
    }

    /**
     * The contract of one answer. Requests that are not valid HTTP (category "protocol") never reach the application:
     * the HTTP server answers them itself. They must still get a 4xx quickly, never a 5xx or silence; whether that
     * answer is problem+json is reported, not enforced (see the suite's figures).
     */
    static List<String> violations(HostileGenerator.Request req, RawHttp.Response res) {
        if (req.category().equals("protocol")) {
            if (res.failure() != null) {
                return List.of("no answer: " + res.failure() + " after " + res.millis() + " ms");
            }
            if (res.status() >= 500) {
                return List.of("HTTP " + res.status() + " " + ProblemChecker.excerpt(res.body()));
            }
            return List.of();
        }
        return ProblemChecker.check(req.method(), res);
    }

    // ---- fixtures, counts, tokens ---------------------------------------------------------------------------------

    private Map<String, String> fixtures() {
        String m = ReliabilityPlatform.baseUrl(MEMBERSHIP);
        String p = ReliabilityPlatform.baseUrl(PROJECT);
        String k = ReliabilityPlatform.baseUrl(KPI);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("organization", http.post(m + "/api/v1/organizations", map("name", "Hostile fixture org", "kind", "COMPANY")).json().path("id").asText());
        f.put("cluster", http.post(m + "/api/v1/clusters", map("name", "Hostile fixture applicant", "country", "GB",
                "worldRegion", "EUROPE", "type", "PORT")).json().path("id").asText());
        Http.Result signatory = http.post(m + "/api/v1/clusters", map("name", "Hostile fixture signatory", "country", "NL",
                "worldRegion", "EUROPE", "type", "PORT"));
        f.put("signatory", signatory.json().path("id").asText());
        f.put("slug", signatory.json().path("slug").asText());
        http.post(m + "/api/v1/clusters/" + f.get("signatory") + "/existing-membership", map("joinedYear", 2023));
        f.put("party", http.post(m + "/api/v1/clusters/" + f.get("signatory") + "/parties", map("organizationId", f.get("organization"),
                "role", "MEMBER")).json().path("id").asText());
        f.put("application", http.post(m + "/api/v1/applications", map("clusterId", f.get("cluster"))).json().path("id").asText());
        f.put("policy", http.post(m + "/api/v1/policy-adoptions", map("country", "GB", "title", "Hostile fixture policy",
                "kind", "NATIONAL_AGENDA", "adoptedOn", "2024-01-01")).json().path("id").asText());
        List<String> failures = new ArrayList<>();
        Waits.until("project-service and kpi-service know the fixture signatory", Duration.ofSeconds(90), () ->
                "SIGNATORY".equals(http.get(p + "/api/v1/clusters/" + f.get("signatory")).json().path("status").asText())
                        && http.get(k + "/api/v1/clusters/" + f.get("signatory") + "/kpis").status() == 200, failures);
        f.put("project", http.post(p + "/api/v1/projects", map("name", "Hostile fixture project", "category", "ELECTRIFICATION",
                "leadClusterId", f.get("signatory"))).json().path("id").asText());
        f.put("report", http.post(k + "/api/v1/kpi-reports", map("clusterId", f.get("signatory"), "metric", "OTHER", "metricName",
                "Hostile fixture units", "value", 3, "unit", "COUNT", "periodStart", "2020-01-01", "periodEnd", "2020-12-31",
                "source", map("document", "fixture"), "reportedBy", "reliability-tests", "confidence", "REPORTED")).json().path("id").asText());
        f.forEach((key, value) -> assertTrue(value != null && !value.isBlank() && !value.equals("null"), "fixture " + key + " not created"));
        assertTrue(failures.isEmpty(), failures.toString());
        return f;
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        COLLECTIONS.forEach((name, c) -> {
            Http.Result r = http.get(ReliabilityPlatform.baseUrl(c[0]) + c[1] + "?size=1&count=exact"); // an exact invariant: not the paging estimate
            assertTrue(r.status() == 200, name + " list: " + r.brief());
            out.put(name, r.json().path("totalItems").asLong(-1));
        });
        return out;
    }

    private Map<String, Long> fixtureVersions(Map<String, String> f) {
        Map<String, Long> out = new TreeMap<>();
        String m = ReliabilityPlatform.baseUrl(MEMBERSHIP);
        out.put("organization", version(m + "/api/v1/organizations/" + f.get("organization")));
        out.put("cluster", version(m + "/api/v1/clusters/" + f.get("cluster")));
        out.put("signatory", version(m + "/api/v1/clusters/" + f.get("signatory")));
        out.put("application", version(m + "/api/v1/applications/" + f.get("application")));
        out.put("policy", version(m + "/api/v1/policy-adoptions/" + f.get("policy")));
        out.put("project", version(ReliabilityPlatform.baseUrl(PROJECT) + "/api/v1/projects/" + f.get("project")));
        out.put("report", version(ReliabilityPlatform.baseUrl(KPI) + "/api/v1/kpi-reports/" + f.get("report")));
        return out;
    }

    private long version(String url) {
        JsonNode b = http.get(url).json();
        return b.path("version").isNumber() ? b.path("version").asLong() : b.path("revision").asLong(-1);
    }

    private static HostileGenerator.Tokens tokens(String organization) throws Exception {
        String valid = TestTokens.secretariat();
        String expired = TestTokens.minter().mint("expired-secretariat", List.of("secretariat"), null, null, Duration.ofHours(-2));
        String wrongIssuer = new JwtMinter(TestTokens.keys().privateKey(), "https://evil.example/issuer").secretariat("intruder");
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        String wrongKey = new JwtMinter(kpg.generateKeyPair().getPrivate(), JwtMinter.DEFAULT_ISSUER).secretariat("forger");
        String[] parts = valid.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String algNone = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        ObjectNode payload = (ObjectNode) Http.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        payload.putArray("groups").add("secretariat").add("admin");
        payload.put("sub", "escalated");
        String tampered = parts[0] + "." + b64.encodeToString(Http.JSON.writeValueAsBytes(payload)) + "." + parts[2];
        return new HostileGenerator.Tokens(valid, TestTokens.partner(organization), expired, wrongIssuer, wrongKey, algNone, tampered);
    }

    /** The service log lines of the error id in a 500's problem body (the exception and where it came from). */
    static List<String> logLines(String service, String problemBody) {
        String id = problemBody == null ? null : problemBody.replaceAll("(?s).*\"errorId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        if (id == null || id.equals(problemBody)) {
            return List.of("(no error id in the answer)");
        }
        try {
            List<String> lines = java.nio.file.Files.readAllLines(ReliabilityPlatform.logOf(service));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(id)) {
                    List<String> out = new ArrayList<>();
                    out.add(lines.get(i).length() > 300 ? lines.get(i).substring(0, 300) : lines.get(i));
                    for (int j = i + 1; j < lines.size() && out.size() < 4; j++) {
                        if (lines.get(j).contains("at org.tic.") || lines.get(j).startsWith("Caused by")) {
                            out.add(lines.get(j).trim());
                        }
                    }
                    return out;
                }
            }
        } catch (java.io.IOException e) {
            return List.of("(log not readable: " + e.getMessage() + ")");
        }
        return List.of("(error id " + id + " not in the log)");
    }

    static Set<String> services() {
        return Set.copyOf(SERVICES);
    }
}
