package org.tic.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A poor man's sampling profiler: thread dumps of a service JVM ({@code jcmd PID Thread.print}) taken while a load
 * runs, reduced to where the request and consumer threads were — the innermost frame plus the innermost frame of
 * our own code. Waiting in a socket read under a JDBC call means waiting for PostgreSQL (a lock or a slow query);
 * RUNNABLE in our code means CPU spent in the service. Used only in the profiling steps, after the measured runs
 * (jcmd itself costs CPU).
 */
final class ThreadSampler {

    private static final Pattern WORKERS = Pattern.compile(
            "\"(executor-thread-|vert\\.x-worker-thread-|vert\\.x-eventloop-thread-|smallrye-kafka-consumer-thread-|outbox-relay).*");

    private static final Pattern IDLE = Pattern.compile("park|EPoll|select|Object\\.wait|accept|poll|Thread\\.sleep");

    private final long pid;
    private final Map<String, Integer> counts = new TreeMap<>();
    private int dumps;
    private int threadSamples;
    private Thread thread;

    ThreadSampler(long pid) {
        this.pid = pid;
    }

    void start(long intervalMillis) {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample();
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "thread-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    Map<String, Object> stop(int top) {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread dumps", dumps);
        m.put("busy worker-thread samples", threadSamples);
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        Map<String, Object> where = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(top, sorted.size()); i++) {
            where.put(sorted.get(i).getKey(), String.format("%d%%", Math.round(100.0 * sorted.get(i).getValue() / Math.max(1, threadSamples))));
        }
        m.put("where busy worker threads were (share of samples)", where);
        return m;
    }

    private void sample() {
        String dump = jcmd();
        if (dump == null) {
            return;
        }
        dumps++;
        for (String block : dump.split("\n\n")) {
            String[] lines = block.split("\n");
            if (lines.length < 3 || !WORKERS.matcher(lines[0]).matches()) {
                continue;
            }
            String state = lines[1].trim().replace("java.lang.Thread.State: ", "");
            String top = null;
            String ours = null;
            for (int i = 2; i < lines.length; i++) {
                String l = lines[i].trim();
                if (!l.startsWith("at ")) {
                    continue;
                }
                String frame = l.substring(3).replaceAll("\\(.*\\)", "");
                if (top == null) {
                    top = frame;
                }
                if (ours == null && frame.startsWith("org.tic.")) {
                    ours = frame;
                }
            }
            boolean relayWaiting = ours != null && ours.endsWith("OutboxRelay.loop");
            if (top == null || (ours == null || relayWaiting) && IDLE.matcher(top).find()) {
                continue; // a pool thread waiting for work, an event loop waiting for I/O, a consumer waiting in poll
            }
            threadSamples++;
            String key = state.split(" ")[0] + " in " + shorten(top) + (ours == null ? "" : " ← " + shorten(ours));
            counts.merge(key, 1, Integer::sum);
        }
    }

    private static String shorten(String frame) {
        String[] parts = frame.split("\\.");
        if (parts.length <= 2) {
            return frame;
        }
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private String jcmd() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
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
