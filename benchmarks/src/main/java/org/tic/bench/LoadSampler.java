package org.tic.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Samples /proc/loadavg every 5 s while the benchmark runs (the machine is shared). */
final class LoadSampler {
    private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());
    private Thread thread;

    void start() {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                samples.add(Machine.loadAverage1());
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "loadavg-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    Map<String, Object> summary() {
        Map<String, Object> m = new TreeMap<>();
        List<Double> v = new ArrayList<>(samples);
        v.removeIf(d -> d.isNaN());
        if (v.isEmpty()) {
            return m;
        }
        m.put("1-min load average: min", Collections.min(v));
        m.put("1-min load average: median", Stats.medianOf(v));
        m.put("1-min load average: max", Collections.max(v));
        m.put("samples", v.size());
        m.put("uptime at the end", Machine.uptime());
        return m;
    }
}
