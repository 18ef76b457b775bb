package org.tic.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tic.delivery.service.ChangeRetention;
import org.tic.devinfra.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change feed on the real broker and database: events published to the three topics come out of
 * {@code GET /api/v1/changes} in order, once, filtered, resumable, with the services' read rights. Each test starts
 * from the latest cursor (other tests' changes, and the retention test's deletions, are before it).
 */
@QuarkusTest
class ChangeFeedTest {

    private static final String JOINED = "tic.membership.cluster.joined.v1";
    private static final String UPDATED = "tic.membership.cluster.updated.v1";

    @Inject
    ChangeRetention retention;

    private static String latest() {
        return given().get("/api/v1/changes/latest").then().statusCode(200).extract().path("cursor");
    }

    private static Response page(String token, String query) {
        var spec = given();
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        return spec.get("/api/v1/changes?" + query);
    }

    private static List<String> ids(Response r) {
        r.then().statusCode(200);
        return r.jsonPath().getList("items.id");
    }

    /** Waits until the feed, read from {@code after} for {@code cluster} as {@code token}, holds {@code n} changes. */
    private static List<String> awaitIds(String token, String after, UUID cluster, int n) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> ids(page(token, "after=" + after + "&clusters=" + cluster)),
                l -> l.size() >= n);
    }

    @Test
    void changesOfAClusterComeInOrderOnceAndResumeFromEachPagesCursor() {
        String start = latest();
        UUID cluster = UUID.randomUUID();
        List<String> published = IntStream.range(0, 5)
                .mapToObj(i -> Events.clusterEvent(i == 0 ? JOINED : UPDATED, cluster, i).toString()).toList();
        assertEquals(published, awaitIds(null, start, cluster, 5));

        Response first = page(null, "after=" + start + "&clusters=" + cluster + "&limit=2");
        first.then().statusCode(200).body("items", hasSize(2)).body("hasMore", equalTo(true))
                .header("Link", containsString("rel=\"next\""));
        String next = first.path("next");
        assertEquals(first.jsonPath().getString("items[1].cursor"), next);
        Response second = page(null, "after=" + next + "&clusters=" + cluster + "&limit=2");
        Response third = page(null, "after=" + second.path("next") + "&clusters=" + cluster + "&limit=2");
        third.then().body("items", hasSize(1)).body("hasMore", equalTo(false));
        List<String> resumed = new java.util.ArrayList<>(ids(first));
        resumed.addAll(ids(second));
        resumed.addAll(ids(third));
        assertEquals(published, resumed);

        // An empty page keeps the cursor, so a partner polls on with it.
        Response empty = page(null, "after=" + third.path("next") + "&clusters=" + cluster);
        empty.then().statusCode(200).body("items", hasSize(0)).body("next", equalTo(third.path("next")));

        first.then().body("items[0].type", equalTo(JOINED)).body("items[0].source", equalTo("/tic/membership-service"))
                .body("items[0].subject", equalTo(cluster.toString())).body("items[0].aggregateType", equalTo("cluster"))
                .body("items[0].data.cluster.id", equalTo(cluster.toString())).body("items[0].time", notNullValue());
    }

    @Test
    void anEventDeliveredTwiceIsListedOnce() {
        String start = latest();
        UUID cluster = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        var data = Events.JSON.createObjectNode();
        data.putObject("cluster").put("id", cluster.toString());
        Events.publish(id, UPDATED, "cluster", cluster.toString(), null, data);
        Events.publish(id, UPDATED, "cluster", cluster.toString(), null, data);
        UUID marker = Events.clusterEvent(UPDATED, cluster, 2);
        // the marker is behind the repeat on the same partition: once it is listed, the repeat was consumed
        assertEquals(List.of(id.toString(), marker.toString()), awaitIds(null, start, cluster, 2));
    }

    @Test
    void typesMatchExactlyAnyVersionOrByPrefixAndClustersMatchProjectsThatInvolveThem() {
        String start = latest();
        UUID cluster = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String joined = Events.clusterEvent(JOINED, cluster, 1).toString();
        String updated = Events.clusterEvent(UPDATED, cluster, 2).toString();
        String created = Events.projectEvent("tic.project.project.created.v1", project, cluster, partner).toString();
        assertEquals(List.of(joined, updated, created), sorted(awaitIds(null, start, cluster, 3), joined, updated, created));

        String base = "after=" + start + "&clusters=" + cluster;
        assertEquals(List.of(created), ids(page(null, base + "&types=tic.project.*")));
        assertEquals(List.of(joined), ids(page(null, base + "&types=tic.membership.cluster.joined")));
        assertEquals(List.of(updated), ids(page(null, base + "&types=" + UPDATED)));
        assertEquals(2, ids(page(null, base + "&types=" + JOINED + "," + UPDATED)).size());
        // a participating cluster and the project itself find it too
        assertEquals(List.of(created), ids(page(null, "after=" + start + "&clusters=" + partner)));
        assertEquals(List.of(created), ids(page(null, "after=" + start + "&projects=" + project)));
    }

    private static List<String> sorted(List<String> got, String... order) {
        // across topics the feed's order is the order of recording; within the test only membership's order is fixed
        List<String> expected = List.of(order);
        return got.stream().sorted((a, b) -> expected.indexOf(a) - expected.indexOf(b)).collect(Collectors.toList());
    }

    @Test
    void applicationsAreReadByTheSecretariatAndTheirClustersCoordinatorsImportsByTheirUploader() {
        String start = latest();
        UUID cluster = UUID.randomUUID();
        String application = Events.applicationEvent("tic.membership.application.submitted.v1", UUID.randomUUID(), cluster).toString();
        String marker = Events.clusterEvent(UPDATED, cluster, 1).toString();
        String secretariat = TestTokens.secretariat();
        assertEquals(List.of(application, marker), sorted(awaitIds(secretariat, start, cluster, 2), application, marker));
        assertEquals(List.of(marker), ids(page(null, "after=" + start + "&clusters=" + cluster)));
        assertEquals(List.of(marker), ids(page(TestTokens.coordinator(UUID.randomUUID()), "after=" + start + "&clusters=" + cluster)));
        assertEquals(List.of(marker), ids(page(TestTokens.partner(UUID.randomUUID()), "after=" + start + "&clusters=" + cluster)));
        assertEquals(2, ids(page(TestTokens.coordinator(cluster), "after=" + start + "&clusters=" + cluster)).size());

        UUID importId = UUID.randomUUID();
        String uploader = "coordinator-uploader-" + UUID.randomUUID().toString().substring(0, 8);
        String done = Events.importCompleted(importId, uploader).toString();
        String types = "&types=tic.kpi.import.completed";
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(page(secretariat, "after=" + start + types)).contains(done));
        String uploaderToken = TestTokens.minter().coordinator(uploader, List.of(cluster.toString()));
        assertTrue(ids(page(uploaderToken, "after=" + start + types)).contains(done));
        assertFalse(ids(page(null, "after=" + start + types)).contains(done));
        assertFalse(ids(page(TestTokens.coordinator(cluster), "after=" + start + types)).contains(done));
    }

    @Test
    void aLongPollIsAnsweredWhenTheNextChangeArrivesAndAnEmptyOneAfterItsWait() throws Exception {
        UUID cluster = UUID.randomUUID();
        String start = latest();
        page(null, "after=" + start + "&clusters=" + cluster + "&wait=1").then().statusCode(200).body("items", hasSize(0))
                .body("next", equalTo(start));

        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(
                () -> page(null, "after=" + start + "&clusters=" + cluster + "&wait=30"));
        // the poll is waiting (it would be answered empty otherwise) when the change comes
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());
        String id = Events.clusterEvent(JOINED, cluster, 1).toString();
        Response answered = waiting.get(30, TimeUnit.SECONDS);
        assertEquals(List.of(id), ids(answered));
    }

    @Test
    void badParametersAreNamedInProblemJsonAndUnknownTypesAre422() {
        page(null, "types=tic.membership.cluster.jioned").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:tic:problem:unknown-event-types"))
                .body("violations[0].field", equalTo("types")).body("detail", containsString("tic.membership.cluster.jioned"));
        page(null, "types=tic.*.cluster").then().statusCode(422);
        page(null, "types=" + String.join(",", java.util.Collections.nCopies(51, JOINED))).then().statusCode(422);
        page(null, "after=not-a-cursor").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("after"));
        page(null, "clusters=nope").then().statusCode(400).body("violations[0].field", equalTo("clusters"));
        String many = IntStream.range(0, 101).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
        page(null, "clusters=" + many).then().statusCode(422);
        page(null, "limit=0").then().statusCode(400);
        page(null, "limit=1001").then().statusCode(400);
        page(null, "wait=31").then().statusCode(400);
        page("not.a.token", "limit=1").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aCursorOlderThanTheRetentionIsAnsweredGoneWithWhereTheFeedStartsNow() {
        String before = latest();
        UUID cluster = UUID.randomUUID();
        Events.clusterEvent(JOINED, cluster, 1);
        awaitIds(null, before, cluster, 1);
        int deleted = retention.deleteOlderThan(Instant.now().plusSeconds(60));
        assertTrue(deleted >= 1, "deleted " + deleted);
        Response gone = page(null, "after=" + before);
        gone.then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:cursor-expired")).body("oldestCursor", notNullValue());
        String oldest = gone.path("oldestCursor");
        assertNotEquals(before, oldest);
        page(null, "after=" + oldest).then().statusCode(200);
        // what happens next is listed after the deleted changes
        String id = Events.clusterEvent(UPDATED, cluster, 2).toString();
        assertEquals(List.of(id), awaitIds(null, oldest, cluster, 1));
    }
}
