package org.tic.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 2: what a user would pick instead — the same reads served by Spring Boot + Spring Data REST over the same
 * table: throughput, p99 at the same constant rate, time to first request, RSS.
 */
final class SpringPeerScenario extends ScenarioRun {

    SpringPeerScenario(Benchmark b) {
        super(b);
    }

    static Report.Scenario scenario(Report report) {
        return report.scenario("s2-spring-data-rest", "2. What a user would pick instead: Spring Boot + Spring Data REST");
    }

    void report(ReadRuns runs) {
        Report.Scenario s2 = scenario(report);
        var cap = runs.cap;
        var lat = runs.lat;
        int c = runs.c;
        double byIdRate = runs.byIdRate;
        double listRate = runs.listRate;
        BenchPlatform.StartTiming oursStart = runs.oursStart;
        BenchPlatform.StartTiming peerStart = runs.peerStart;
        double oursId = Stats.median(cap.get("ours by id"), Load.Result::throughput);
        // Scenario 2
        Stats.addRow(s2, "ours: GET /api/v1/clusters/{id}", cap.get("ours by id"));
        Stats.addRow(s2, "peer: GET /api/clusters/{id}", cap.get("peer by id"));
        Stats.addRow(s2, "ours: filtered list (status, size 50)", cap.get("ours list"));
        Stats.addRow(s2, "peer: filtered list (search/byStatus, size 50)", cap.get("peer list"));
        Stats.addRow(s2, "ours: by id at " + Math.round(byIdRate) + "/s", lat.get("ours by id"));
        Stats.addRow(s2, "peer: by id at " + Math.round(byIdRate) + "/s", lat.get("peer by id"));
        Stats.addRow(s2, "ours: list at " + Math.round(listRate) + "/s", lat.get("ours list"));
        Stats.addRow(s2, "peer: list at " + Math.round(listRate) + "/s", lat.get("peer list"));
        s2.ratio("throughput by id: ours ÷ peer", oursId / Stats.median(cap.get("peer by id"), Load.Result::throughput), 5.0, true,
                "capacity, " + c + " connections");
        s2.ratio("throughput filtered list: ours ÷ peer", Stats.median(cap.get("ours list"), Load.Result::throughput)
                / Stats.median(cap.get("peer list"), Load.Result::throughput), 5.0, true, "capacity, " + c + " connections");
        s2.ratio("p99 by id: ours ÷ peer (lower is better)", Stats.median(lat.get("ours by id"), Load.Result::p99)
                / Stats.median(lat.get("peer by id"), Load.Result::p99), null, false, "both at " + Math.round(byIdRate) + " req/s");
        s2.ratio("p99 filtered list: ours ÷ peer (lower is better)", Stats.median(lat.get("ours list"), Load.Result::p99)
                / Stats.median(lat.get("peer list"), Load.Result::p99), null, false, "both at " + Math.round(listRate) + " req/s");
        Map<String, Object> t1 = s2.row("time to first request: ours (membership-service restarted, data present)");
        t1.put("ms", Load.round(oursStart.spawnToFirstAnswerMs()));
        t1.put("selfReportedS", oursStart.selfReportedSeconds());
        Map<String, Object> t2 = s2.row("time to first request: peer");
        t2.put("ms", Load.round(peerStart.spawnToFirstAnswerMs()));
        t2.put("selfReportedS", peerStart.selfReportedSeconds());
        s2.ratio("time to first request: ours ÷ peer (lower is better)",
                oursStart.spawnToFirstAnswerMs() / peerStart.spawnToFirstAnswerMs(), null, false,
                "JVM spawn → first 200 on GET cluster by id, each started alone");
        double rssOurs = p.rssMiB("membership-service");
        double rssPeer = p.rssMiB(BenchPlatform.PEER);
        Map<String, Object> m1 = s2.row("RSS after the load: ours (membership-service)");
        m1.put("rssMiB", Load.round(rssOurs));
        Map<String, Object> m2 = s2.row("RSS after the load: peer");
        m2.put("rssMiB", Load.round(rssPeer));
        s2.ratio("RSS after the load: ours ÷ peer (lower is better)", rssOurs / rssPeer, null, false,
                "same JVM flags (" + String.join(" ", org.tic.devinfra.process.ServiceProcess.JVM_FLAGS) + ")");
        s2.notes.add("The peer (benchmarks/spring-data-rest-app) is Spring Boot " + Peer.springBootVersion(root)
                + " with spring-boot-starter-data-rest and -data-jpa, defaults except a 30-connection pool (like ours) "
                + "and open-in-view off, mapping the same `cluster` table read-only; its list is the repository finder "
                + "`search/byStatus` with the same sort (name, id) and page size, HAL with page metadata (a count query, "
                + "like our totalItems).");
    }

    static void sanityCheck(Report.Scenario s2, int ours, int peer, String id) {
        try (RawHttp a = new RawHttp("127.0.0.1", ours, 30_000); RawHttp b = new RawHttp("127.0.0.1", peer, 30_000)) {
            RawHttp.Response x = a.exchange(RawHttp.get("/api/v1/clusters/" + id, ours), true);
            RawHttp.Response y = b.exchange(RawHttp.get("/api/clusters/" + id, peer), true);
            RawHttp.Response lx = a.exchange(RawHttp.get("/api/v1/clusters?status=SIGNATORY&size=50&page=3", ours), true);
            RawHttp.Response ly = b.exchange(RawHttp.get("/api/clusters/search/byStatus?status=SIGNATORY&size=50&sort=name&sort=id&page=3", peer), true);
            JsonNode ol = JSON.readTree(lx.body());
            JsonNode pl = JSON.readTree(ly.body());
            List<String> oursIds = new ArrayList<>();
            ol.path("items").forEach(i -> oursIds.add(i.path("id").asText()));
            List<String> peerSlugs = new ArrayList<>();
            pl.path("_embedded").path("clusters").forEach(i -> peerSlugs.add(i.path("slug").asText()));
            List<String> oursSlugs = new ArrayList<>();
            ol.path("items").forEach(i -> oursSlugs.add(i.path("slug").asText()));
            s2.extra.put("sanity", Map.of(
                    "by id", "ours " + x.status() + " (" + x.body().length + " bytes), peer " + y.status() + " (" + y.body().length + " bytes)",
                    "list page 3", "ours " + lx.status() + " (" + lx.body().length + " bytes, totalItems "
                            + ol.path("totalItems").asText() + "), peer " + ly.status() + " (" + ly.body().length
                            + " bytes, totalElements " + pl.path("page").path("totalElements").asText() + ")",
                    "same clusters on the page", oursSlugs.equals(peerSlugs)));
        } catch (IOException e) {
            s2.notes.add("sanity check failed: " + e.getMessage());
        }
    }
}
