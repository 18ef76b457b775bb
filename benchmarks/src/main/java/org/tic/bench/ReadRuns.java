package org.tic.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read runs scenarios 1 and 2 share, interleaved (pgbench, ours, peer, ours, … per repeat): capacity of the
 * cluster by id, the filtered list and the summary, then latency at a constant rate. Starts the peer and restarts
 * membership-service first (scenario 2's time to first request). {@link PhysicalLimitScenario} and
 * {@link SpringPeerScenario} write the report from these runs.
 */
final class ReadRuns extends ScenarioRun {

    BenchPlatform.StartTiming peerStart;
    BenchPlatform.StartTiming oursStart;
    int ours;
    int peer;
    int c;
    int pages;
    double byIdRate;
    double listRate;
    Load.Requests oursById;
    Load.Requests oursList;
    final Map<String, List<Load.Result>> cap = new LinkedHashMap<>();
    final Map<String, List<Load.Result>> lat = new LinkedHashMap<>();
    final List<Pg.PgbenchResult> pgS = new ArrayList<>();
    final List<Pg.PgbenchResult> pgId = new ArrayList<>();

    ReadRuns(Benchmark b) {
        super(b);
    }

    void measure(boolean pgbench) {
        Report.Scenario s1 = PhysicalLimitScenario.scenario(report);
        Report.Scenario s2 = SpringPeerScenario.scenario(report);
        Benchmark.step("Scenario 2: time to first request (peer, then membership-service restarted)");
        String sampleId = BulkData.clusterId(1).toString();
        peerStart = p.start(BenchPlatform.PEER, null, "/api/clusters/" + sampleId, Duration.ofSeconds(240));
        p.stop("membership-service");
        oursStart = p.start("membership-service", null, "/api/v1/clusters/" + sampleId,
                Duration.ofSeconds(240));
        ours = p.port("membership-service");
        peer = p.port(BenchPlatform.PEER);
        int kpi = p.port("kpi-service");
        long n = Math.max(1, b.generatedClusters());
        oursById = r -> RawHttp.get("/api/v1/clusters/" + BulkData.clusterId(1 + r.nextLong(n)), ours);
        Load.Requests peerById = r -> RawHttp.get("/api/clusters/" + BulkData.clusterId(1 + r.nextLong(n)), peer);
        long signatories = pg.count("membership", "select count(*) from cluster where status = 'SIGNATORY'");
        pages = (int) Math.max(1, Math.min(100, signatories / 50));
        oursList = r -> RawHttp.get("/api/v1/clusters?status=SIGNATORY&size=50&page=" + r.nextInt(pages), ours);
        Load.Requests peerList = r -> RawHttp.get("/api/clusters/search/byStatus?status=SIGNATORY&size=50&sort=name&sort=id&page="
                + r.nextInt(pages), peer);
        Load.Requests summary = r -> RawHttp.get("/api/v1/initiative/summary", kpi);
        SpringPeerScenario.sanityCheck(s2, ours, peer, sampleId);

        Path script = logs.resolve("pgbench-cluster-by-id.sql");
        Benchmark.writeFile(script, "\\set n random(1, " + n + ")\nSELECT * FROM cluster WHERE id = md5('bench-cluster-' || :n)::uuid;\n");
        if (pgbench) {
            pg.execute("postgres", "drop database if exists pgbench", "create database pgbench");
            pg.pgbenchInit("pgbench", s.pgbenchScale(), logs.resolve("pgbench.log"));
        } else {
            s1.notes.add("pgbench is not installed: no physical-limit reference (apt-get install -y postgresql-client postgresql-contrib).");
        }
        Benchmark.step("Scenarios 1 and 2: capacity runs");
        c = s.connections();
        for (int i = 0; i < s.repeats(); i++) {
            if (pgbench) {
                pgS.add(pg.pgbench("pgbench", List.of("-n", "-S"), c, (int) s.run().toSeconds(), logs.resolve("pgbench.log")));
                pgId.add(pg.pgbench("membership", List.of("-n", "-M", "prepared", "-f", script.toString()), c,
                        (int) s.run().toSeconds(), logs.resolve("pgbench.log")));
            }
            cap.computeIfAbsent("ours by id", k -> new ArrayList<>()).add(Load.capacity(ours, oursById, c, s.warmup(), s.run()));
            cap.computeIfAbsent("peer by id", k -> new ArrayList<>()).add(Load.capacity(peer, peerById, c, s.warmup(), s.run()));
            cap.computeIfAbsent("ours list", k -> new ArrayList<>()).add(Load.capacity(ours, oursList, c, s.warmup(), s.run()));
            cap.computeIfAbsent("peer list", k -> new ArrayList<>()).add(Load.capacity(peer, peerList, c, s.warmup(), s.run()));
            cap.computeIfAbsent("summary", k -> new ArrayList<>()).add(Load.capacity(kpi, summary, c, s.warmup(), s.run()));
        }
        Benchmark.step("Scenario 2: latency at a constant rate");
        byIdRate = Math.max(1, s.latencyLoadShare() * Math.min(Stats.median(cap.get("ours by id"), Load.Result::throughput),
                Stats.median(cap.get("peer by id"), Load.Result::throughput)));
        listRate = Math.max(1, s.latencyLoadShare() * Math.min(Stats.median(cap.get("ours list"), Load.Result::throughput),
                Stats.median(cap.get("peer list"), Load.Result::throughput)));
        for (int i = 0; i < s.repeats(); i++) {
            lat.computeIfAbsent("ours by id", k -> new ArrayList<>()).add(Load.constantRate(ours, oursById, c, byIdRate, s.latencyWarmup(), s.latencyRun()));
            lat.computeIfAbsent("peer by id", k -> new ArrayList<>()).add(Load.constantRate(peer, peerById, c, byIdRate, s.latencyWarmup(), s.latencyRun()));
            lat.computeIfAbsent("ours list", k -> new ArrayList<>()).add(Load.constantRate(ours, oursList, c, listRate, s.latencyWarmup(), s.latencyRun()));
            lat.computeIfAbsent("peer list", k -> new ArrayList<>()).add(Load.constantRate(peer, peerList, c, listRate, s.latencyWarmup(), s.latencyRun()));
        }
    }
}
