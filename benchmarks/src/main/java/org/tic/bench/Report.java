package org.tic.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The benchmark report: one structure, written as JSON (every run's figures) and Markdown (medians and ratios). */
final class Report {

    static final List<String> SCENARIOS = List.of("s1-physical-limit", "s2-spring-data-rest", "s3-writes", "s4-event-lag",
            "s5-scale", "s6-footprint", "s7-delivery-lag");

    /** One scenario: measurement rows, ratios against targets, and notes (what the profile showed). */
    static final class Scenario {
        final String id;
        final String title;
        String status = "ok";
        final List<Map<String, Object>> rows = new ArrayList<>();
        final List<Map<String, Object>> ratios = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Map<String, Object> extra = new LinkedHashMap<>();

        Scenario(String id, String title) {
            this.id = id;
            this.title = title;
        }

        Map<String, Object> row(String label) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("what", label);
            rows.add(r);
            return r;
        }

        /**
         * @param higherIsBetter whether the ratio must be at least (true) or at most (false) the target; null target: none
         */
        void ratio(String name, double value, Double target, boolean higherIsBetter, String explanation) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ratio", name);
            r.put("value", Load.round(value));
            if (target != null) {
                r.put("target", (higherIsBetter ? ">= " : "<= ") + target);
                boolean met = !Double.isNaN(value) && (higherIsBetter ? value >= target : value <= target);
                r.put("met", met);
                if (Double.isNaN(value)) {
                    r.put("miss", "no figure (see the notes)");
                } else if (!met) {
                    r.put("miss", higherIsBetter
                            ? String.format(Locale.ROOT, "%.0f%% below the target (%.2f of %.2f)", 100 * (1 - value / target), value, target)
                            : String.format(Locale.ROOT, "%.1fx the target (%.2f vs %.2f)", value / target, value, target));
                }
            }
            if (explanation != null) {
                r.put("how", explanation);
            }
            ratios.add(r);
        }

        void skip(String why) {
            status = "skipped: " + why;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("title", title);
            m.put("status", status);
            m.put("measurements", rows);
            m.put("ratios", ratios);
            m.put("notes", notes);
            if (!extra.isEmpty()) {
                m.put("details", extra);
            }
            return m;
        }
    }

    final Map<String, Object> meta = new LinkedHashMap<>();
    final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    final List<Map<String, Object>> recommendations = new ArrayList<>();

    Scenario scenario(String id, String title) {
        return scenarios.computeIfAbsent(id, k -> new Scenario(id, title));
    }

    void recommend(String problem, String file, String change, String expectedGain) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("problem", problem);
        r.put("file", file);
        r.put("change", change);
        r.put("expectedGain", expectedGain);
        recommendations.add(r);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("meta", meta);
        Map<String, Object> s = new LinkedHashMap<>();
        for (String id : SCENARIOS) {
            Scenario sc = scenarios.get(id);
            s.put(id, sc == null ? Map.of("id", id, "status", "not run") : sc.toMap());
        }
        scenarios.forEach((id, sc) -> s.putIfAbsent(id, sc.toMap()));
        m.put("scenarios", s);
        m.put("recommendations", recommendations);
        return m;
    }

    void write(Path dir, String baseName) {
        try {
            Files.createDirectories(dir);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(dir.resolve(baseName + ".json"), json.writeValueAsString(toMap()) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(baseName + ".md"), markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Markdown ----

    private static final List<String> PREFERRED = List.of("what", "throughput", "offeredRate", "p50Ms", "p90Ms", "p99Ms",
            "p999Ms", "maxMs", "errors", "tps", "latencyAvgMs", "runs");

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# TIC Platform benchmark report\n\n");
        md.append("Generated by `").append(meta.getOrDefault("command", "benchmarks/run.sh")).append("` on ")
                .append(meta.getOrDefault("finishedAt", "?")).append(". Ratios are measured side by side in one run ")
                .append("(runs interleaved, medians of repeats); absolute figures depend on the machine and how busy it was.\n\n");
        md.append("## Summary of ratios\n\n| scenario | ratio | value | target | met |\n|---|---|---|---|---|\n");
        for (String id : SCENARIOS) {
            Scenario sc = scenarios.get(id);
            if (sc == null) {
                md.append("| ").append(id).append(" | not run | | | |\n");
                continue;
            }
            if (sc.ratios.isEmpty()) {
                md.append("| ").append(sc.title).append(" | ").append(sc.status).append(" | | | |\n");
            }
            for (Map<String, Object> r : sc.ratios) {
                md.append("| ").append(sc.title).append(" | ").append(r.get("ratio")).append(" | ").append(fmt(r.get("value")))
                        .append(" | ").append(r.getOrDefault("target", "—")).append(" | ")
                        .append(r.containsKey("met") ? ((Boolean) r.get("met") ? "yes" : "**no** — " + r.getOrDefault("miss", "")) : "—")
                        .append(" |\n");
            }
        }
        md.append("\n## Machine, versions, settings\n\n");
        appendMap(md, meta, "");
        for (String id : SCENARIOS) {
            Scenario sc = scenarios.get(id);
            if (sc == null) {
                continue;
            }
            md.append("\n## ").append(sc.title).append("\n\n");
            if (!"ok".equals(sc.status)) {
                md.append("Status: ").append(sc.status).append("\n\n");
            }
            // Rows of the same shape share a table; a row with other columns starts a new one.
            List<Map<String, Object>> group = new ArrayList<>();
            Set<String> shape = null;
            for (Map<String, Object> row : sc.rows) {
                Set<String> keys = scalarKeys(row);
                if (shape != null && !keys.equals(shape)) {
                    table(md, group);
                    md.append("\n");
                    group = new ArrayList<>();
                }
                shape = keys;
                group.add(row);
            }
            if (!group.isEmpty()) {
                table(md, group);
            }
            if (!sc.ratios.isEmpty()) {
                md.append("\n| ratio | value | target | met | how |\n|---|---|---|---|---|\n");
                for (Map<String, Object> r : sc.ratios) {
                    md.append("| ").append(r.get("ratio")).append(" | ").append(fmt(r.get("value"))).append(" | ")
                            .append(r.getOrDefault("target", "—")).append(" | ")
                            .append(r.containsKey("met") ? ((Boolean) r.get("met") ? "yes" : "**no** — " + r.getOrDefault("miss", "")) : "—")
                            .append(" | ").append(r.getOrDefault("how", "")).append(" |\n");
                }
            }
            if (!sc.notes.isEmpty()) {
                md.append("\n");
                for (String n : sc.notes) {
                    md.append("- ").append(n).append("\n");
                }
            }
        }
        if (!recommendations.isEmpty()) {
            md.append("\n## Open recommendations (what the profile still points to)\n\n");
            md.append("| problem | file | change | expected gain |\n|---|---|---|---|\n");
            for (Map<String, Object> r : recommendations) {
                md.append("| ").append(r.get("problem")).append(" | `").append(r.get("file")).append("` | ")
                        .append(r.get("change")).append(" | ").append(r.get("expectedGain")).append(" |\n");
            }
        }
        return md.toString();
    }

    private static Set<String> scalarKeys(Map<String, Object> row) {
        Set<String> keys = new java.util.TreeSet<>();
        row.forEach((k, v) -> {
            boolean optional = k.startsWith("error at") || k.startsWith("statuses") || k.startsWith("errors at");
            if (!optional && (!(v instanceof Map) && !(v instanceof Collection) || k.equals("runs"))) {
                keys.add(k);
            }
        });
        return keys;
    }

    private static void table(StringBuilder md, List<Map<String, Object>> rows) {
        Set<String> keys = new LinkedHashSet<>();
        for (String k : PREFERRED) {
            for (Map<String, Object> r : rows) {
                if (r.containsKey(k)) {
                    keys.add(k);
                }
            }
        }
        for (Map<String, Object> r : rows) {
            for (String k : r.keySet()) {
                Object v = r.get(k);
                if (!(v instanceof Map) && !(v instanceof Collection) || k.equals("runs")) {
                    keys.add(k);
                }
            }
        }
        md.append("| ").append(String.join(" | ", keys)).append(" |\n|");
        md.append("---|".repeat(keys.size())).append("\n");
        for (Map<String, Object> r : rows) {
            md.append("|");
            for (String k : keys) {
                md.append(" ").append(r.containsKey(k) ? fmt(r.get(k)) : "").append(" |");
            }
            md.append("\n");
        }
    }

    private static void appendMap(StringBuilder md, Map<String, Object> map, String indent) {
        for (var e : map.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> nested) {
                md.append(indent).append("- **").append(e.getKey()).append("**\n");
                @SuppressWarnings("unchecked") Map<String, Object> n = (Map<String, Object>) nested;
                appendMap(md, n, indent + "  ");
            } else {
                md.append(indent).append("- ").append(e.getKey()).append(": ").append(fmt(e.getValue())).append("\n");
            }
        }
    }

    static String fmt(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "n/a";
            }
            double a = Math.abs(d);
            if (a >= 1000) {
                return String.format(Locale.ROOT, "%,.0f", d);
            }
            if (a >= 100) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            if (a >= 1) {
                return String.format(Locale.ROOT, "%.2f", d);
            }
            return String.format(Locale.ROOT, "%.3f", d);
        }
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object o : c) {
                parts.add(fmt(o));
            }
            return String.join(", ", parts);
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, val) -> parts.add(k + "=" + fmt(val)));
            return String.join(", ", parts);
        }
        return String.valueOf(v).replace("|", "\\|").replace("\n", " ");
    }
}
