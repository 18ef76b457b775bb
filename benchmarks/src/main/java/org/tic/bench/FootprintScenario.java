package org.tic.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Scenario 6: each service's JVM start → ready (first start, restart with data) and its memory after the load. */
final class FootprintScenario extends ScenarioRun {

    FootprintScenario(Benchmark b) {
        super(b);
    }

    Report.Scenario scenario() {
        return report.scenario("s6-footprint", "6. Footprint: JVM start → ready, memory");
    }

    /** First start of each service, one at a time (empty databases: Flyway migrates). */
    void firstStarts() {
        Report.Scenario footprint = scenario();
        for (String name : BenchPlatform.SERVICES) {
            BenchPlatform.StartTiming t = p.start(name, "/q/health/ready", null, Duration.ofSeconds(240));
            Map<String, Object> row = footprint.row(name + ": first start (empty database, Flyway migrates)");
            row.put("startToReadyMs", Load.round(t.spawnToReadyMs()));
            row.put("selfReportedS", t.selfReportedSeconds());
            row.put("rssAtReadyMiB", Load.round(p.rssMiB(name)));
        }
    }

    void afterLoad() {
        Report.Scenario sc = scenario();
        for (String name : BenchPlatform.SERVICES) {
            sc.row(name + ": after the load").put("rssMiB", Load.round(p.rssMiB(name)));
        }
        sc.row(BenchPlatform.PEER + ": after the load").put("rssMiB", Load.round(p.rssMiB(BenchPlatform.PEER)));
        p.stop(BenchPlatform.PEER);
    }

    void restarts() {
        Report.Scenario sc = scenario();
        Benchmark.step("Scenario 6: restarts with data");
        for (String name : List.of("project-service", "kpi-service")) {
            p.stop(name);
            BenchPlatform.StartTiming t = p.start(name, "/q/health/ready", null, Duration.ofSeconds(240));
            Map<String, Object> row = sc.row(name + ": restart (data present)");
            row.put("startToReadyMs", Load.round(t.spawnToReadyMs()));
            row.put("selfReportedS", t.selfReportedSeconds());
            row.put("rssAtReadyMiB", Load.round(p.rssMiB(name)));
        }
        sc.notes.add("Start → ready: from spawning the JVM (same flags as dev-infra: -Xms64m -Xmx512m -XX:+UseG1GC) until "
                + "/q/health/ready answers 200, polled every 10 ms; services started one at a time. membership-service's "
                + "restart is scenario 2's time to first request.");
    }

    void afterImport() {
        scenario().row("kpi-service: after the bulk import").put("rssMiB", Load.round(p.rssMiB("kpi-service")));
    }
}
