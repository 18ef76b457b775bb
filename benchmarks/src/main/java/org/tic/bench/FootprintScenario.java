package org.tic.bench;

import org.tic.devinfra.process.ServiceProcess;

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

    /** Seconds a service is left idle before its memory "at rest" is read (G1's periodic collection is every 10 s). */
    static final int REST_SECONDS = 25;

    void afterLoad() {
        Report.Scenario sc = scenario();
        for (String name : BenchPlatform.SERVICES) {
            sc.row(name + ": after the load").put("rssMiB", Load.round(p.rssMiB(name)));
        }
        sc.row(BenchPlatform.PEER + ": after the load").put("rssMiB", Load.round(p.rssMiB(BenchPlatform.PEER)));
        BenchPlatform.sleep(REST_SECONDS * 1000L); // idle on purpose: what the services keep once the load is over
        for (String name : BenchPlatform.SERVICES) {
            double rss = p.rssMiB(name);
            sc.row(name + ": at rest, " + REST_SECONDS + " s after the load").put("rssMiB", Load.round(rss));
            sc.ratio(name + " RSS at rest after the scale load (MiB)", rss, 400.0, false,
                    "read from /proc after " + REST_SECONDS + " s idle; the peak right after the load is in the row above");
        }
        sc.row(BenchPlatform.PEER + ": at rest, " + REST_SECONDS + " s after the load").put("rssMiB",
                Load.round(p.rssMiB(BenchPlatform.PEER)));
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
        sc.notes.add("Start → ready: from spawning the JVM (same flags as dev-infra: " + String.join(" ", ServiceProcess.JVM_FLAGS) + ") until "
                + "/q/health/ready answers 200, polled every 10 ms; services started one at a time. membership-service's "
                + "restart is scenario 2's time to first request.");
    }

    void afterImport() {
        scenario().row("kpi-service: after the bulk import").put("rssMiB", Load.round(p.rssMiB("kpi-service")));
        BenchPlatform.sleep(REST_SECONDS * 1000L);
        double rss = p.rssMiB("kpi-service");
        scenario().row("kpi-service: at rest, " + REST_SECONDS + " s after the bulk import").put("rssMiB", Load.round(rss));
        scenario().ratio("kpi-service RSS at rest after the bulk import (MiB)", rss, 400.0, false,
                "read from /proc after " + REST_SECONDS + " s idle");
    }
}
