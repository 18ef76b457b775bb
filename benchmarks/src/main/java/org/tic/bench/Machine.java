package org.tic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the report says about the machine and the versions. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        String cpuinfo = read("/proc/cpuinfo");
        m.put("cpu", Benchmark.firstGroup(cpuinfo, "model name\\s*:\\s*(.+)"));
        m.put("cores available to the JVM", Runtime.getRuntime().availableProcessors());
        String meminfo = read("/proc/meminfo");
        String total = Benchmark.firstGroup(meminfo, "MemTotal:\\s*(\\d+)");
        if (total != null) {
            m.put("memory", Math.round(Long.parseLong(total) / 1024.0 / 1024.0) + " GiB");
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("uptime at the start", uptime());
        m.put("note", "shared machine: other engineers' builds and test suites were running at the same time "
                + "(see the load averages below); compare ratios, not absolute figures");
        return m;
    }

    static Map<String, Object> versions(Path root) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        String pom = read(root.resolve("pom.xml").toString());
        m.put("quarkus", Benchmark.firstGroup(pom, "<quarkus.platform.version>([^<]+)<"));
        m.put("kafka", Benchmark.firstGroup(pom, "<kafka.version>([^<]+)<"));
        m.put("postgresql binaries (zonky)", Benchmark.firstGroup(pom, "<postgres-binaries.version>([^<]+)<"));
        m.put("spring boot (peer)", Peer.springBootVersion(root));
        String pgbench = Pg.pgbenchVersion();
        m.put("pgbench", pgbench == null ? "not installed" : pgbench);
        String commit = Benchmark.shell("git", "-C", root.toString(), "rev-parse", "--short", "HEAD");
        String dirty = Benchmark.shell("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no");
        m.put("git commit", commit.isEmpty() ? "unknown" : commit + (dirty.isBlank() ? "" : " (with uncommitted changes in the working tree)"));
        return m;
    }

    static String uptime() {
        String u = Benchmark.shell("uptime");
        return u.isEmpty() ? read("/proc/loadavg").trim() : u;
    }

    static double loadAverage1() {
        try {
            return Double.parseDouble(read("/proc/loadavg").split("\\s+")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
