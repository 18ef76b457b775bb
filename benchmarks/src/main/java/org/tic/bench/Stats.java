package org.tic.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Medians over repeated runs and the report rows built from them. */
final class Stats {

    private Stats() {
    }

    /** Successful answers per second (median over runs). */
    static double successRate(List<Load.Result> runs) {
        return median(runs, r -> r.requests() == 0 ? 0 : r.throughput() * (r.requests() - r.errors()) / (double) r.requests());
    }

    static double median(List<Load.Result> results, ToDoubleFunction<Load.Result> f) {
        if (results == null || results.isEmpty()) {
            return Double.NaN;
        }
        List<Double> v = new ArrayList<>();
        results.forEach(r -> v.add(f.applyAsDouble(r)));
        return medianOf(v);
    }

    static double medianOf(List<Double> v) {
        List<Double> sorted = new ArrayList<>(v);
        sorted.removeIf(d -> d == null || d.isNaN());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    static double medianPg(List<Pg.PgbenchResult> results) {
        List<Double> v = new ArrayList<>();
        results.forEach(r -> v.add(r.tps()));
        return medianOf(v);
    }

    static void addRow(Report.Scenario sc, String label, List<Load.Result> runs) {
        Map<String, Object> row = sc.row(label);
        Load.Result first = runs.get(0);
        if (first.offeredRate() > 0) {
            row.put("offeredRate", Load.round(first.offeredRate()));
        }
        row.put("throughput", Load.round(median(runs, Load.Result::throughput)));
        row.put("p50Ms", Load.round(median(runs, Load.Result::p50)));
        row.put("p90Ms", Load.round(median(runs, Load.Result::p90)));
        row.put("p99Ms", Load.round(median(runs, Load.Result::p99)));
        row.put("p999Ms", Load.round(median(runs, Load.Result::p999)));
        row.put("maxMs", Load.round(median(runs, Load.Result::max)));
        row.put("errors", runs.stream().mapToLong(Load.Result::errors).sum());
        List<Object> each = new ArrayList<>();
        runs.forEach(r -> each.add(Load.round(r.throughput())));
        row.put("runs", each);
        List<Map<String, Object>> detail = new ArrayList<>();
        runs.forEach(r -> detail.add(r.toMap()));
        row.put("detail", detail);
    }

    static void addPgRow(Report.Scenario sc, String label, List<Pg.PgbenchResult> runs) {
        Map<String, Object> row = sc.row(label);
        row.put("throughput", Load.round(medianPg(runs)));
        List<Double> lat = new ArrayList<>();
        runs.forEach(r -> lat.add(r.latencyAvgMs()));
        row.put("latencyAvgMs", Load.round(medianOf(lat)));
        List<Object> each = new ArrayList<>();
        runs.forEach(r -> each.add(Load.round(r.tps())));
        row.put("runs", each);
        List<Map<String, Object>> detail = new ArrayList<>();
        runs.forEach(r -> detail.add(r.toMap()));
        row.put("detail", detail);
    }
}
