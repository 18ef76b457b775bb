package org.tic.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which process the machine's CPU went to while a load ran: /proc/stat and every /proc/PID/stat read before and
 * after, the difference grouped by what the process is (a service, PostgreSQL, Kafka, the benchmark's own load
 * generator, pgbench, the rest). This answers "which resource is the bound": a machine near 100% busy is bound by
 * its cores, and the shares say who holds them; a machine with idle cores and a slow path is waiting on something.
 */
final class CpuShares {

    private final long totalBefore;
    private final long idleBefore;
    private final Map<Long, Proc> before;

    private record Proc(String group, long ticks) {
    }

    private CpuShares(long totalBefore, long idleBefore, Map<Long, Proc> before) {
        this.totalBefore = totalBefore;
        this.idleBefore = idleBefore;
        this.before = before;
    }

    static CpuShares start() {
        long[] m = machine();
        return new CpuShares(m[0], m[1], processes());
    }

    /** Machine busy % and each group's share of the machine's capacity (all cores = 100%), largest first. */
    Map<String, Object> stop() {
        long[] m = machine();
        Map<Long, Proc> after = processes();
        long total = m[0] - totalBefore;
        Map<String, Object> out = new LinkedHashMap<>();
        if (total <= 0) {
            return out;
        }
        out.put("machine busy %", round(100.0 * (total - (m[1] - idleBefore)) / total));
        Map<String, Long> groups = new HashMap<>();
        after.forEach((pid, p) -> {
            Proc b = before.get(pid);
            long d = p.ticks() - (b == null ? 0 : b.ticks());
            if (d > 0) {
                groups.merge(p.group(), d, Long::sum);
            }
        });
        // /proc/stat counts jiffies of all cores; per-process ticks are the same unit
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        Map<String, Object> shares = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : sorted) {
            double pct = 100.0 * e.getValue() / total;
            if (pct >= 0.5) {
                shares.put(e.getKey(), round(pct));
            }
        }
        out.put("share of the machine's CPU % (all cores = 100)", shares);
        return out;
    }

    /** "machine 97% busy: postgresql 38%, membership-service 27%, ..." */
    static String summary(Map<String, Object> stopped) {
        if (stopped.isEmpty()) {
            return "CPU shares not available";
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> shares = (Map<String, Object>) stopped.get("share of the machine's CPU % (all cores = 100)");
        List<String> parts = new ArrayList<>();
        shares.entrySet().stream().limit(6).forEach(e -> parts.add(e.getKey() + " " + e.getValue() + "%"));
        return "machine CPU " + stopped.get("machine busy %") + "% busy (" + String.join(", ", parts) + ")";
    }

    /** [total jiffies, idle + iowait jiffies] of all cores. */
    private static long[] machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            return new long[]{total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    private static Map<Long, Proc> processes() {
        Map<Long, Proc> out = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(stat.indexOf('(') + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    out.put(Long.parseLong(dir.getFileName().toString()), new Proc(group(comm, cmdline), ticks));
                } catch (IOException | RuntimeException gone) {
                    // the process ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    static String group(String comm, String cmdline) {
        if (cmdline.contains("org.tic.bench.BenchmarkMain")) {
            return "load generator (benchmark JVM)";
        }
        for (String s : BenchPlatform.SERVICES) {
            if (cmdline.contains(s)) {
                return s;
            }
        }
        if (cmdline.contains("spring-data-rest")) {
            return BenchPlatform.PEER;
        }
        if (comm.equals("postgres") || cmdline.contains("bin/postgres")) {
            return "postgresql";
        }
        if (comm.equals("pgbench")) {
            return "pgbench";
        }
        if (cmdline.contains("kafka")) {
            return "kafka";
        }
        return "other processes";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
