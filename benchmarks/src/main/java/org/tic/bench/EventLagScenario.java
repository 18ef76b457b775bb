package org.tic.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scenario 4: membership writes at a steady rate → effect visible in kpi-service's roll-up, vs raw Kafka. */
final class EventLagScenario extends ScenarioRun {

    EventLagScenario(Benchmark b) {
        super(b);
    }

    void run() {
        Benchmark.step("Scenario 4: event lag");
        Report.Scenario sc = report.scenario("s4-event-lag", "4. Event lag: membership write → visible in kpi-service's roll-up");
        EventLag lag = new EventLag(p.port("membership-service"), pg, token());
        List<Double> rates = new ArrayList<>();
        rates.add(s.lagTargetRate());
        if (!s.quick()) {
            for (double r : new double[]{250, 100, 50, 25, 10}) {
                if (r < s.lagTargetRate()) {
                    rates.add(r);
                }
            }
        }
        EventLag.Result chosen = null;
        for (double rate : rates) {
            Instant since = Instant.now().plus(s.lagWarmup());
            EventLag.Result r = lag.run(small().clusterIds, rate, s.lagWarmup(), s.lagRun());
            lag.reinstateAll(small().clusterIds);
            Map<String, Object> row = sc.row("membership suspend/reinstate at " + Math.round(rate) + "/s");
            row.putAll(r.toMap());
            Map<String, Object> stages = lag.stages(since);
            row.put("relay p50/p99 ms", stages.get("relay"));
            row.put("Kafka + consumer queue p50/p99 ms", stages.get("queue"));
            sc.extra.put("where the lag goes at " + Math.round(rate) + "/s", stages);
            row.put("sustained", r.sustained());
            KafkaProbe.Result k = KafkaProbe.run(p.infra().kafka().bootstrapServers(), rate, s.lagWarmup(), s.lagRun());
            Map<String, Object> krow = sc.row("raw Kafka producer → consumer at " + Math.round(rate) + "/s");
            krow.putAll(k.toMap());
            boolean last = rate == rates.get(rates.size() - 1);
            if (rate == s.lagTargetRate() || (chosen == null && (r.sustained() || last))) {
                String how = rate == s.lagTargetRate()
                        ? "at the target rate" + (r.sustained() ? "" : " — not sustained: the backlog grows with the run's length")
                        : r.sustained() ? "highest rate this machine sustained" : "lowest rate tried, still not sustained";
                sc.ratio("lag p99 at " + Math.round(rate) + " writes/s (ms)", r.lagP99(), 250.0, false,
                        how + "; commit (200 answer) → kpi-service's read model holds the new version, polled every 5 ms");
                sc.ratio("lag p99 ÷ raw Kafka p99 at " + Math.round(rate) + "/s", r.lagP99() / k.p99(), null, false,
                        "same broker, same rate");
                sc.ratio("lag p50 ÷ raw Kafka p50 at " + Math.round(rate) + "/s", r.lagP50() / k.p50(), null, false, null);
            }
            if (chosen == null && (r.sustained() || last)) {
                chosen = r;
            }
            if (rate == s.lagTargetRate()) {
                if (r.sustained()) {
                    sc.notes.add("The target rate of " + Math.round(rate) + " writes/s held (achieved "
                            + Math.round(r.achievedWriteRate()) + "/s, every effect visible).");
                } else {
                    sc.notes.add("The target rate of " + Math.round(rate) + " writes/s was not sustained: writes achieved "
                            + Math.round(r.achievedWriteRate()) + "/s (write p99 " + Math.round(r.writeP99()) + " ms), lag p99 "
                            + Math.round(r.lagP99()) + " ms, and kpi-service needed " + Math.round(r.drainSeconds())
                            + " s after the last write to catch up. The rate was lowered step by step (rows above and "
                            + "below) to the highest rate at which writes kept up and the consumer's backlog drained "
                            + "within 2 s; the ratios are given at the target rate and at that rate.");
                }
            }
            if (r.sustained()) {
                break;
            }
        }
        if (chosen != null) {
            Benchmark.step("Profiling the event path");
            List<Double> profiled = new ArrayList<>(List.of(chosen.offeredRate()));
            if (chosen.offeredRate() != s.lagTargetRate()) {
                profiled.add(s.lagTargetRate()); // where the target rate is bound, not only where it is not
            }
            for (double rate : profiled) {
                Map<String, Object> sampled = new LinkedHashMap<>();
                Runnable run = () -> {
                    EventLag.Result r = lag.run(small().clusterIds, rate, Duration.ZERO, Duration.ofSeconds(s.quick() ? 3 : 10));
                    sampled.putAll(r.toMap());
                };
                Map<String, Long> pids = new LinkedHashMap<>();
                for (String service : List.of("membership-service", "kpi-service")) {
                    if (p.pid(service) != null) {
                        pids.put(service + " during the writes at " + Math.round(rate) + "/s", p.pid(service));
                    }
                }
                Profiler.profile(sc, "the writes at " + Math.round(rate) + "/s and their consumption", pids, run);
                sc.extra.put("profiled run at " + Math.round(rate) + "/s (JFR recording, not a measurement)", sampled);
                lag.reinstateAll(small().clusterIds);
            }
        }
        sc.notes.add("Writes alternate suspend/reinstate on the " + small().clusterIds.size() + " clusters of the realistic "
                + "data set, one lane per cluster (so writes to a cluster never race), each lane on a constant schedule; "
                + "write latency is measured from the intended start. Each write is one membership transaction + outbox "
                + "row → relay → Kafka → kpi-service consumer transaction (status facts, periods, data-version bump; the totals check follows after the commit). "
                + "The relay and Kafka + consumer queue columns come from the services' own timestamps "
                + "(outbox_event.occurred_at → published_at → kpi-service's processed_event.processed_at, the start of "
                + "its consumer transaction); the rest of the lag is that transaction.");
    }
}
