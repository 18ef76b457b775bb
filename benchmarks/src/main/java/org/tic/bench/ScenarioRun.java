package org.tic.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What every scenario works with: the run's settings, the started platform, PostgreSQL, the report, and the data
 * loaded so far (read through {@link Benchmark}, which owns it). Built once the infrastructure is up.
 */
abstract class ScenarioRun {

    static final ObjectMapper JSON = new ObjectMapper();

    final Benchmark b;
    final Settings s;
    final BenchPlatform p;
    final Pg pg;
    final Report report;
    final Path root;
    final Path logs;

    ScenarioRun(Benchmark b) {
        this.b = b;
        this.s = b.settings();
        this.p = b.platform();
        this.pg = b.pg();
        this.report = b.report();
        this.root = b.root();
        this.logs = b.logs();
    }

    String token() {
        return b.token();
    }

    SmallData small() {
        return b.small();
    }

    /** KPI report POSTs on the realistic clusters (fixed seed: every run posts the same bodies). */
    List<byte[]> kpiPosts(int n) {
        SplittableRandom r = new SplittableRandom(3);
        List<byte[]> bodies = new ArrayList<>();
        int port = p.port("kpi-service");
        for (int i = 0; i < n; i++) {
            String cluster = small().clusterIds.get(r.nextInt(small().clusterIds.size()));
            int bucket = r.nextInt(3);
            int year = 2015 + r.nextInt(10);
            Map<String, Object> body = SmallData.report(cluster, bucket, year, r.nextInt(1000));
            body.put("reportedOn", LocalDate.of(year + 1, 1 + r.nextInt(12), 1 + r.nextInt(28)).toString());
            try {
                bodies.add(RawHttp.post("/api/v1/kpi-reports", port, "application/json", JSON.writeValueAsBytes(body), token()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return bodies;
    }
}
