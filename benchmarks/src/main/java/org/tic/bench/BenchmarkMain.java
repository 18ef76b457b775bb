package org.tic.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code benchmarks/run.sh [--quick] [--out DIR] [--clusters N] [--import-rows N]}: runs the benchmark against the
 * packaged services of the repository it is started in and writes {@code latest.md} / {@code latest.json}
 * ({@code latest-quick.*} in quick mode) into {@code benchmarks/results/} (or DIR).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args) == null ? 1 : 0);
    }

    /** @return the report directory, or null when the benchmark failed (a partial report is still written) */
    public static Path run(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        boolean quick = a.remove("--quick");
        Path root = Path.of(option(a, "--root", System.getProperty("tic.repository.root", "."))).toAbsolutePath().normalize();
        Path out = Path.of(option(a, "--out", root.resolve("benchmarks/results").toString())).toAbsolutePath();
        Settings s = quick ? Settings.quickMode() : Settings.full();
        String clusters = option(a, "--clusters", null);
        if (clusters != null) {
            s = s.withLargeClusters(Integer.parseInt(clusters));
        }
        String rows = option(a, "--import-rows", null);
        if (rows != null) {
            s = s.withImportRows(Integer.parseInt(rows));
        }
        String only = option(a, "--only", null);
        if ("events".equals(only) || "import".equals(only) || "delivery".equals(only)) {
            s = s.withOnly(only);
        } else if (only != null) {
            System.err.println("--only takes: events, import, delivery");
            return null;
        }
        if (!a.isEmpty()) {
            System.err.println("Unknown arguments: " + a + "\nusage: benchmarks/run.sh [--quick] [--out DIR] [--clusters N] [--import-rows N] [--only events|import|delivery]");
            return null;
        }
        if (!Files.exists(root.resolve("membership-service/target/quarkus-app/quarkus-run.jar"))) {
            System.err.println("The services are not packaged: run benchmarks/run.sh (it builds them) or "
                    + "./mvnw package -DskipTests -pl benchmarks -am");
            return null;
        }
        String base = (quick ? "latest-quick" : "latest") + (s.only() == null ? "" : "-" + s.only());
        Benchmark bench = new Benchmark(s, root, root.resolve("benchmarks/target/bench-logs"));
        Report report;
        boolean ok = true;
        try {
            report = bench.run();
        } catch (RuntimeException e) {
            ok = false;
            report = bench.report();
            report.meta.put("error", e.toString());
            e.printStackTrace();
        }
        report.meta.put("command", "benchmarks/run.sh" + (quick ? " --quick" : "") + (args.length > (quick ? 1 : 0)
                ? " (" + String.join(" ", args) + ")" : ""));
        report.write(out, base);
        System.out.println("Report: " + out.resolve(base + ".md") + " and " + out.resolve(base + ".json"));
        return ok ? out : null;
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return v;
    }
}
