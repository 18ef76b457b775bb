package org.tic.reliability;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.tic.reliability.TopicReader.Event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each suite can fail: its checkers are fed broken inputs on purpose (a lost write, a write that landed although it
 * was refused, a missing event, an event under two ids, order going back, a consumer without deduplication, a 500,
 * a hang, a 4xx that is not problem+json, two winners of a race, a rejected request that wrote) and must report them.
 * No platform needed.
 */
@Order(0)
class CheckerSelfTest {

    private static Write write(long seq, Write.Kind kind, String url, String search, String marker, long version, Write.Outcome outcome,
                               int status, boolean problem, long start, long millis, String service) {
        return new Write(seq, "w", service, "op", kind, url, search, marker, version, outcome, status, problem, start, millis,
                "phase", List.of(), "detail");
    }

    private static Http.Result ok(String body) {
        return new Http.Result(200, "application/json", body, null, null, null, 1, null);
    }

    private static final Http.Result NOT_FOUND = new Http.Result(404, "application/problem+json", "{}", null, null, null, 1, null);

    // ---- suite 1: faults ---------------------------------------------------------------------------------------

    @Test
    void aLostAcknowledgedWriteIsReported() {
        List<Write> writes = List.of(
                write(1, Write.Kind.CREATE, "/orgs/1", null, "m1", 0, Write.Outcome.ACK, 201, false, 0, 5, "s"),
                write(2, Write.Kind.CREATE, "/orgs/2", null, "m2", 0, Write.Outcome.ACK, 201, false, 0, 5, "s"));
        Map<String, Http.Result> store = Map.of("/orgs/1", ok("{\"name\":\"m1\",\"version\":0}"));
        LossChecker.Report r = LossChecker.check(writes, url -> store.getOrDefault(url, NOT_FOUND), 10);
        assertEquals(1, r.lost().size(), r.toString());
        assertFalse(r.ok());
    }

    @Test
    void aLostUpdateAndAStaleVersionAreReported() {
        List<Write> writes = List.of(
                write(1, Write.Kind.CREATE, "/orgs/1", null, "m1", 0, Write.Outcome.ACK, 201, false, 0, 5, "s"),
                write(2, Write.Kind.UPDATE, "/orgs/1", null, "m2", 1, Write.Outcome.ACK, 200, false, 0, 5, "s"),
                write(3, Write.Kind.UPDATE, "/orgs/1", null, "m3", 2, Write.Outcome.ACK, 200, false, 0, 5, "s"));
        // the service kept the second update only: the third (acknowledged) is lost, and its version is behind
        Map<String, Http.Result> store = Map.of("/orgs/1", ok("{\"name\":\"m2\",\"version\":1}"));
        LossChecker.Report r = LossChecker.check(writes, store::get, 10);
        assertEquals(1, r.lost().size(), r.toString());
        assertTrue(r.lost().get(0).contains("version 1"), r.lost().toString());
    }

    @Test
    void aWriteThatLandedAlthoughItWasRefusedIsReported() {
        List<Write> writes = List.of(
                write(1, Write.Kind.APPEND, "/clusters/1/history", null, "reason-x", -1, Write.Outcome.UNAVAILABLE, 503, true, 0, 5, "s"),
                write(2, Write.Kind.CREATE, null, "/orgs?q=m9", "m9", -1, Write.Outcome.REJECTED, 400, true, 0, 5, "s"));
        Map<String, Http.Result> store = Map.of("/clusters/1/history", ok("[{\"reason\":\"reason-x\"}]"),
                "/orgs?q=m9", ok("{\"items\":[]}"));
        LossChecker.Report r = LossChecker.check(writes, store::get, 10);
        assertEquals(1, r.phantoms().size(), r.toString());
    }

    private static Event event(int offset, String id, String type, String subject, long version, String data) {
        return new Event("membership.events", 0, offset, subject, id, type, subject, "cluster", data, version);
    }

    @Test
    void aMissingEventTwoIdsForOneEventAndOrderGoingBackAreReported() {
        String t = "tic.membership.cluster.updated.v1";
        List<Event> events = List.of(
                event(0, "a", t, "c1", 1, "{\"v\":1}"),
                event(1, "a", t, "c1", 1, "{\"v\":1}"),          // redelivery: allowed
                event(2, "b", t, "c1", 3, "{\"v\":3}"),
                event(3, "c", t, "c1", 2, "{\"v\":2}"),          // order goes back
                event(4, "d", t, "c1", 3, "{\"v\":3}"));         // the v3 event again under another id
        List<EventChecker.Expected> expected = List.of(
                new EventChecker.Expected("w1", t, "c1", 1, null),
                new EventChecker.Expected("w4", t, "c1", 4, null)); // never published
        EventChecker.Report r = EventChecker.check(expected, events, Set.of("c1"));
        assertEquals(1, r.missing().size(), r.toString());
        assertEquals(1, r.redeliveries());
        assertEquals(1, r.publishedTwice().size(), r.publishedTwice().toString());
        assertEquals(1, r.orderViolations().size(), r.orderViolations().toString());
        assertFalse(r.ok());
    }

    @Test
    void aConsumerWithoutDeduplicationAppliesARedeliveryTwiceAndTheRollUpCheckSeesIt() {
        String data = "{\"report\":{\"metricName\":\"units\",\"value\":5,\"revision\":1}}";
        List<Event> topic = List.of(
                new Event("kpi.events", 0, 0, "r1", "e1", "tic.kpi.report.reported.v1", "r1", "kpi-report", data, 1),
                new Event("kpi.events", 0, 1, "r2", "e2", "tic.kpi.report.reported.v1", "r2", "kpi-report", data, 1),
                new Event("kpi.events", 0, 2, "r1", "e1", "tic.kpi.report.reported.v1", "r1", "kpi-report", data, 1)); // redelivered
        BigDecimal acknowledged = new BigDecimal("10");
        ReplayConsumer broken = new ReplayConsumer(false).acceptAll(topic);
        assertEquals(1, broken.appliedTwice().size());
        List<String> diff = Diff.of("roll-up", Map.of("units", acknowledged), Map.of("units", broken.sumOf("units")));
        assertEquals(1, diff.size(), "the recomputation check must catch the double application: " + diff);
        ReplayConsumer correct = new ReplayConsumer(true).acceptAll(topic);
        assertTrue(correct.appliedTwice().isEmpty());
        assertTrue(Diff.of("roll-up", Map.of("units", acknowledged), Map.of("units", correct.sumOf("units"))).isEmpty());
    }

    @Test
    void aReadModelThatKeptAnOlderSnapshotIsReported() {
        List<Event> topic = List.of(
                event(0, "a", "tic.membership.cluster.registered.v1", "c1", 0, "{\"cluster\":{\"id\":\"c1\",\"version\":0,\"status\":\"APPLICANT\"}}"),
                event(1, "b", "tic.membership.cluster.joined.v1", "c1", 1, "{\"cluster\":{\"id\":\"c1\",\"version\":1,\"status\":\"SIGNATORY\"}}"));
        ReplayConsumer replay = new ReplayConsumer(true).acceptAll(topic);
        Map<String, Object> recomputed = Map.of("c1", "v" + replay.clusters().get("c1").version() + " " + replay.clusters().get("c1").status());
        assertEquals(1, Diff.of("read model", recomputed, Map.of("c1", "v0 APPLICANT")).size());
    }

    @Test
    void a500AHangAndAProblemlessErrorDuringAnOutageAreReported() {
        List<Write> writes = new ArrayList<>(List.of(
                write(1, Write.Kind.CREATE, "/a", null, "m1", -1, Write.Outcome.SERVER_ERROR, 500, true, 100, 20, "s"),
                write(2, Write.Kind.CREATE, "/a", null, "m2", -1, Write.Outcome.TIMEOUT, 0, false, 200, 10_000, "s"),
                write(3, Write.Kind.CREATE, "/a", null, "m3", -1, Write.Outcome.UNAVAILABLE, 503, false, 300, 5, "s"),
                write(4, Write.Kind.CREATE, "/a", null, "m4", -1, Write.Outcome.RESET, 0, false, 400, 5, "s")));
        // acceptable: a refusal, a proper 503, a cut while the service was being killed
        writes.add(write(5, Write.Kind.CREATE, "/a", null, "m5", -1, Write.Outcome.REFUSED, 0, false, 500, 1, "s"));
        writes.add(write(6, Write.Kind.CREATE, "/a", null, "m6", -1, Write.Outcome.UNAVAILABLE, 503, true, 600, 5, "s"));
        writes.add(write(7, Write.Kind.CREATE, "/a", null, "m7", -1, Write.Outcome.RESET, 0, false, 1000, 5, "s"));
        OutageChecker.Report r = OutageChecker.check(writes, Map.of("s", List.of(new long[]{990, 2000})));
        assertEquals(4, r.violations().size(), r.violations().toString());
        assertEquals(1, r.cutByKill());
    }

    // ---- suite 2: hostile input ----------------------------------------------------------------------------------

    private static RawHttp.Response response(int status, String contentType, String body) {
        return new RawHttp.Response(status, contentType == null ? Map.of() : Map.of("content-type", contentType), body, null, 3);
    }

    @Test
    void serverErrorsAndErrorsThatAreNotProblemsAreReported() {
        assertFalse(ProblemChecker.check(response(500, "application/problem+json",
                "{\"type\":\"urn:x\",\"title\":\"Internal\",\"status\":500}")).isEmpty());
        assertFalse(ProblemChecker.check(response(414, "text/plain", "URI Too Long")).isEmpty());
        assertFalse(ProblemChecker.check(response(400, "application/problem+json", "{\"type\":\"urn:x\",\"status\":400}")).isEmpty());
        assertFalse(ProblemChecker.check(response(404, "application/problem+json", "{\"type\":\"urn:x\",\"title\":\"Not found\",\"status\":400}")).isEmpty());
        assertFalse(ProblemChecker.check(new RawHttp.Response(0, Map.of(), null, "TIMEOUT", 15_000)).isEmpty());
        assertTrue(ProblemChecker.check(response(400, "application/problem+json;charset=UTF-8",
                "{\"type\":\"urn:tic:problem:validation-failed\",\"title\":\"Validation failed\",\"status\":400}")).isEmpty());
        assertTrue(ProblemChecker.check(response(201, "application/json", "{}")).isEmpty());
    }

    @Test
    void aRejectedRequestThatWroteShowsInTheCollectionCount() {
        // before 10, no accepted create, after 11: something was written by a rejected request
        List<String> diff = Diff.of("collection size (before + accepted creates)", Map.of("organizations", 10L + 0L),
                Map.of("organizations", 11L));
        assertEquals(1, diff.size());
    }

    // ---- suite 3: races ------------------------------------------------------------------------------------------

    private static Http.Result result(int status, String contentType) {
        return new Http.Result(status, contentType, "{}", null, null, null, 1, null);
    }

    @Test
    void twoWinnersAServerErrorAWrongLoserStatusAndALostUpdateAreReported() {
        Http.Result win = result(200, "application/json");
        Http.Result lose = result(412, "application/problem+json");
        assertTrue(RaceChecker.check("ok", List.of(win, lose, lose), Set.of(412), true).ok());
        assertFalse(RaceChecker.check("two winners", List.of(win, win, lose), Set.of(412), true).ok());
        assertFalse(RaceChecker.check("a 500", List.of(win, result(500, "application/problem+json"), lose), Set.of(412), true).ok());
        assertFalse(RaceChecker.check("a 409 where 412 is due", List.of(win, result(409, "application/problem+json")), Set.of(412), true).ok());
        assertFalse(RaceChecker.check("no winner", List.of(lose, lose), Set.of(412), true).ok());
        assertFalse(RaceChecker.check("lost update", List.of(win, lose), Set.of(412), false).ok());
    }
}
