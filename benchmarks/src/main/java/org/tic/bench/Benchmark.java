package org.tic.bench;

import org.tic.devinfra.testing.TestTokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the six scenarios of issue 10 against the real platform and writes the report. Order (each step's data is
 * what the next one needs): start the services one by one (footprint) → realistic data through the APIs →
 * scale queries at 40 clusters → writes → event lag → bulk load to the scale data set → scale queries again →
 * restart membership-service and start the Spring peer (time to first request) → reads against pgbench and the
 * peer → memory after the load → restarts with data → bulk CSV import (last: it keeps kpi-service busy).
 * Each scenario is its own class ({@link ScenarioRun}); this one holds the run's state and the order.
 */
final class Benchmark {

    private final Settings s;
    private final Path root;
    private final Report report = new Report();
    private final Path logs;
    private BenchPlatform p;
    private Pg pg;
    private String token;
    private SmallData small;
    private long generatedClusters;
    private final LoadSampler sampler = new LoadSampler();
    private final List<Load.Result> summarySmall = new ArrayList<>();

    Benchmark(Settings settings, Path root, Path logs) {
        this.s = settings;
        this.root = root;
        this.logs = logs;
    }

    Report run() {
        Instant started = Instant.now();
        report.meta.put("startedAt", started.toString());
        report.meta.put("machine", Machine.describe());
        report.meta.put("versions", Machine.versions(root));
        report.meta.put("settings", s.toMap());
        sampler.start();
        // PostgreSQL publishes a backend's statistics at most 10 s after it went idle; quick mode does not wait.
        Profiler.flushWaitMillis = s.quick() ? 1_500 : 11_000;
        Peer.ensureBuilt(root);
        boolean pgbench = Pg.pgbenchBinary() != null;
        if (!pgbench) {
            report.meta.put("warning", "pgbench is not installed: the pgbench comparisons are skipped "
                    + "(apt-get install -y postgresql-client postgresql-contrib)");
        }
        p = BenchPlatform.startInfrastructure(root, logs);
        try {
            pg = new Pg(p.postgresPort());
            report.meta.put("postgresql", pg.text("postgres", "select version()"));
            p.infra().kafka().createTopics(Map.of(KafkaProbe.TOPIC, 3));

            FootprintScenario footprint = new FootprintScenario(this);
            footprint.firstStarts();
            token = TestTokens.secretariat();
            step("Loading the realistic data set through the APIs");
            long t0 = System.nanoTime();
            small = SmallData.load(root, p, token);
            report.meta.put("realistic data set", small.clusterIds.size() + " clusters (30 real members from demo-data + 10), "
                    + small.projects + " projects, " + small.reports + " KPI report versions; loaded through the APIs in "
                    + Math.round((System.nanoTime() - t0) / 1e9) + " s");

            if (s.eventsOnly()) {
                new EventLagScenario(this).run();
                new ConsumerScaleOut(this).run();
                return finish(started);
            }
            if (s.deliveryOnly()) {
                new DeliveryLagScenario(this).run();
                return finish(started);
            }
            ScaleScenario scale = new ScaleScenario(this);
            if (s.importOnly()) {
                scale.bulkLoad(s.largeClusters());
                new BulkImportScenario(this).run();
                footprint.afterImport();
                return finish(started);
            }
            Map<String, Load.Result> scaleSmall = scale.measure("40 clusters");
            PhysicalLimitScenario physicalLimit = new PhysicalLimitScenario(this);
            physicalLimit.summaryAtFortyClusters();
            new WritesScenario(this).run();
            new EventLagScenario(this).run();
            new ConsumerScaleOut(this).run();
            new DeliveryLagScenario(this).run();
            Map<String, Load.Result> scaleHalf = null;
            if (!s.quick()) {
                scale.bulkLoad(s.largeClusters() / 2);
                scaleHalf = scale.measure("half scale");
            }
            scale.bulkLoad(s.largeClusters());
            Map<String, Load.Result> scaleLarge = scale.measure("scale");
            scale.compare(scaleSmall, scaleHalf, scaleLarge);
            ReadRuns reads = new ReadRuns(this);
            reads.measure(pgbench);
            physicalLimit.report(reads, pgbench);
            new SpringPeerScenario(this).report(reads);
            footprint.afterLoad();
            footprint.restarts();
            new BulkImportScenario(this).run();
            footprint.afterImport();
        } finally {
            sampler.stop();
            report.meta.put("load while running", sampler.summary());
            step("Stopping everything");
            p.close();
        }
        return finish(started);
    }

    private Report finish(Instant started) {
        report.meta.put("finishedAt", Instant.now().toString());
        report.meta.put("durationMinutes", Load.round((Instant.now().toEpochMilli() - started.toEpochMilli()) / 60000.0));
        if (s.only() == null) {
            Recommendations.add(report);
        }
        return report;
    }

    static void step(String what) {
        System.out.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), what);
    }

    // ---------------------------------------------------------------- the run's state, for the scenarios

    Settings settings() {
        return s;
    }

    Path root() {
        return root;
    }

    Path logs() {
        return logs;
    }

    Pg pg() {
        return pg;
    }

    BenchPlatform platform() {
        return p;
    }

    boolean quick() {
        return s.quick();
    }

    Report report() {
        return report;
    }

    String token() {
        return token;
    }

    SmallData small() {
        return small;
    }

    /** Clusters the bulk load generated so far (ids {@code BulkData.clusterId(1..n)}). */
    long generatedClusters() {
        return generatedClusters;
    }

    void generatedClusters(long n) {
        generatedClusters = n;
    }

    /** The initiative summary's capacity runs at 40 clusters (scenario 1 reports them after the scale load). */
    List<Load.Result> summarySmall() {
        return summarySmall;
    }

    // ---------------------------------------------------------------- helpers

    static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shell(String... command) {
        try {
            Process proc = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            proc.waitFor(20, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static String firstGroup(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
