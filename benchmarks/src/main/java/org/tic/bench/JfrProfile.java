package org.tic.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A sampling profile of a service JVM while a load runs: a JDK Flight Recorder recording ({@code jcmd PID JFR.start
 * settings=profile}: Java threads sampled every 10 ms on CPU, every 20 ms in native code) read back with the JDK's
 * own {@code jdk.jfr.consumer} API. On-CPU samples say where the service burns its cores (by library and by our
 * method); native samples of our threads are mostly waiting on a socket — PostgreSQL or Kafka — under the named call
 * of ours. Used only in the profiling steps, after the measured runs (the recording costs a few % of CPU).
 */
final class JfrProfile {

    private static int counter;

    private final long pid;
    private final String name;
    private final Path file;
    private final boolean started;

    private JfrProfile(long pid, String name, Path file, boolean started) {
        this.pid = pid;
        this.name = name;
        this.file = file;
        this.started = started;
    }

    static synchronized JfrProfile start(long pid) {
        String name = "tic-bench-" + (++counter);
        Path file;
        try {
            file = Files.createTempFile(name + "-", ".jfr");
        } catch (IOException e) {
            return new JfrProfile(pid, name, null, false);
        }
        boolean ok = jcmd(pid, "JFR.start", "name=" + name, "settings=profile", "filename=" + file) != null;
        return new JfrProfile(pid, name, file, ok);
    }

    /** Stops the recording and reduces it; an empty map when JFR could not be used. */
    Map<String, Object> stop(int top) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!started || jcmd(pid, "JFR.stop", "name=" + name) == null) {
            return out;
        }
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> selfMethods = new HashMap<>();
        Map<String, Integer> ourMethods = new HashMap<>();
        Map<String, Integer> nativeByOurs = new HashMap<>();
        int cpuSamples = 0;
        int nativeSamples = 0;
        double gcPauseMs = 0;
        double jvmCpu = 0;
        int cpuLoads = 0;
        try {
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        List<String> frames = frames(e.getStackTrace());
                        if (frames.isEmpty()) {
                            continue;
                        }
                        cpuSamples++;
                        selfMethods.merge(shorten(frames.get(0)), 1, Integer::sum);
                        byLibrary.merge(library(frames), 1, Integer::sum);
                        String ours = ours(frames);
                        ourMethods.merge(ours == null ? "(no frame of ours: framework threads)" : shorten(ours), 1, Integer::sum);
                    }
                    case "jdk.NativeMethodSample" -> {
                        List<String> frames = frames(e.getStackTrace());
                        String ours = ours(frames);
                        if (ours == null || ours.endsWith("OutboxRelay.loop")) {
                            continue; // pool threads waiting for work, event loops in epoll, an idle relay
                        }
                        nativeSamples++;
                        nativeByOurs.merge(shorten(frames.get(0)) + " ← " + shorten(ours), 1, Integer::sum);
                    }
                    case "jdk.GCPhasePause" -> gcPauseMs += e.getDuration().toNanos() / 1e6;
                    case "jdk.CPULoad" -> {
                        jvmCpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                        cpuLoads++;
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            out.put("error", e.getMessage());
            return out;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
        out.put("on-CPU samples (10 ms)", cpuSamples);
        if (cpuLoads > 0) {
            out.put("this JVM's CPU, % of the machine", Math.round(1000.0 * jvmCpu / cpuLoads) / 10.0);
        }
        out.put("GC pauses ms", Math.round(gcPauseMs));
        out.put("on-CPU by library (innermost non-JDK frame)", shares(byLibrary, cpuSamples, top));
        out.put("on-CPU by our method (innermost frame of ours, inclusive)", shares(ourMethods, cpuSamples, top));
        out.put("on-CPU hottest methods (self)", shares(selfMethods, cpuSamples, top));
        out.put("native samples of our threads (20 ms; mostly waiting on a socket)", nativeSamples);
        out.put("in native code, by call of ours", shares(nativeByOurs, nativeSamples, top));
        return out;
    }

    /** One line for the report's notes. */
    static String summary(Map<String, Object> p) {
        if (p.isEmpty()) {
            return "JFR not available";
        }
        return p.get("on-CPU samples (10 ms)") + " on-CPU samples, " + p.getOrDefault("this JVM's CPU, % of the machine", "?")
                + "% of the machine; by library: " + top(p, "on-CPU by library (innermost non-JDK frame)", 5)
                + "; our methods: " + top(p, "on-CPU by our method (innermost frame of ours, inclusive)", 4)
                + "; waiting (native) in: " + top(p, "in native code, by call of ours", 3);
    }

    @SuppressWarnings("unchecked")
    private static String top(Map<String, Object> p, String key, int n) {
        Map<String, Object> m = (Map<String, Object>) p.get(key);
        List<String> parts = new ArrayList<>();
        m.entrySet().stream().limit(n).forEach(e -> parts.add(e.getValue() + " " + e.getKey()));
        return String.join(", ", parts);
    }

    private static Map<String, Object> shares(Map<String, Integer> counts, int total, int top) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(top, sorted.size()); i++) {
            out.put(sorted.get(i).getKey(), Math.round(100.0 * sorted.get(i).getValue() / Math.max(1, total)) + "%");
        }
        return out;
    }

    private static List<String> frames(RecordedStackTrace st) {
        List<String> out = new ArrayList<>();
        if (st == null) {
            return out;
        }
        for (RecordedFrame f : st.getFrames()) {
            if (f.isJavaFrame() && f.getMethod() != null) {
                out.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
            }
        }
        return out;
    }

    private static String ours(List<String> frames) {
        for (String f : frames) {
            if (f.startsWith("org.tic.")) {
                return f;
            }
        }
        return null;
    }

    /** The library of the innermost frame outside the JDK: who asked the JDK to do the work. */
    static String library(List<String> frames) {
        for (String f : frames) {
            if (f.startsWith("java.") || f.startsWith("jdk.") || f.startsWith("sun.") || f.startsWith("javax.")) {
                continue;
            }
            return libraryOf(f);
        }
        return "JDK only (JIT, GC helpers, threads)";
    }

    private static String libraryOf(String f) {
        String[][] known = {
                {"org.tic.", "our code"}, {"org.hibernate.", "Hibernate ORM"}, {"org.postgresql.", "pgjdbc"},
                {"io.agroal.", "Agroal pool"}, {"com.arjuna.", "Narayana transactions"},
                {"io.quarkus.narayana", "Narayana transactions"}, {"com.fasterxml.jackson.", "Jackson"},
                {"io.vertx.", "Vert.x/Netty"}, {"io.netty.", "Vert.x/Netty"}, {"org.jboss.resteasy.", "RESTEasy"},
                {"io.smallrye.jwt", "SmallRye JWT"}, {"org.jose4j.", "SmallRye JWT"}, {"io.smallrye.reactive.messaging", "Reactive Messaging"},
                {"org.apache.kafka.", "Kafka client"}, {"io.micrometer.", "Micrometer"}, {"org.jboss.logging", "logging"},
                {"org.jboss.logmanager", "logging"}, {"io.quarkus.", "Quarkus"}, {"io.smallrye.", "SmallRye"},
                {"org.flywaydb.", "Flyway"}, {"net.bytebuddy.", "Hibernate ORM"}, {"org.jboss.", "JBoss libs"}};
        for (String[] k : known) {
            if (f.startsWith(k[0])) {
                return k[1];
            }
        }
        int dots = 0;
        for (int i = 0; i < f.length(); i++) {
            if (f.charAt(i) == '.' && ++dots == 2) {
                return f.substring(0, i);
            }
        }
        return f;
    }

    private static String shorten(String frame) {
        String[] parts = frame.split("\\.");
        return parts.length <= 2 ? frame : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private static String jcmd(long pid, String... args) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
