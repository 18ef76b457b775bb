package org.tic.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.testing.TestTokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks on the real broker and database with a real HTTP receiver in the test: signed CloudEvents, in order per
 * aggregate, nothing lost when the receiver is down, a hanging receiver not stalling another subscription, secret
 * rotation, and the subscriber's rights.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String JOINED = "tic.membership.cluster.joined.v1";
    private static final String UPDATED = "tic.membership.cluster.updated.v1";

    private static Response subscribe(String token, String url, UUID cluster) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "clusters", List.of(cluster.toString()), "description", "test"))
                .post("/api/v1/webhooks");
    }

    /** Verifies a delivery as a receiver would, without the platform's own code: HMAC-SHA256 of "id.timestamp.body". */
    private static boolean signedWith(String secret, Receiver.Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                (r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        return List.of(r.header("webhook-signature").split(" ")).contains(expected);
    }

    /** The first successfully answered delivery of each event, in arrival order (a receiver's de-duplication). */
    private static List<String> distinctIds(List<Receiver.Received> all) {
        return all.stream().map(r -> r.header("webhook-id")).distinct().toList();
    }

    @Test
    void changesArriveSignedAsCloudEventsInOrderAndTheLogSaysSo() throws Exception {
        UUID cluster = UUID.randomUUID();
        try (Receiver receiver = new Receiver()) {
            Response created = subscribe(TestTokens.secretariat(), receiver.url(), cluster);
            created.then().statusCode(201).header("Location", containsString("/api/v1/webhooks/"))
                    .body("secret", notNullValue()).body("status", equalTo("ACTIVE"));
            String secret = created.path("secret");
            List<String> ids = IntStream.range(0, 5)
                    .mapToObj(i -> Events.clusterEvent(i == 0 ? JOINED : UPDATED, cluster, i).toString()).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> distinctIds(receiver.received()).size() >= 5);
            List<Receiver.Received> got = receiver.received();
            assertEquals(ids, distinctIds(got), "in order, each at least once");
            Receiver.Received first = got.get(0);
            assertEquals("1.0", first.header("ce-specversion"));
            assertEquals(JOINED, first.header("ce-type"));
            assertEquals(cluster.toString(), first.header("ce-subject"));
            assertEquals("/tic/membership-service", first.header("ce-source"));
            assertEquals(ids.get(0), first.header("ce-id"));
            assertTrue(first.header("content-type").startsWith("application/json"));
            assertEquals(cluster.toString(), Events.JSON.readTree(first.body()).path("cluster").path("id").asText());
            for (Receiver.Received r : got) {
                assertTrue(signedWith(secret, r), "signature of " + r.header("webhook-id"));
            }
            String id = created.path("id");
            // the secret is shown once
            given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/webhooks/" + id).then().statusCode(200)
                    .body("secret", nullValue());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/webhooks/" + id + "/deliveries?status=DELIVERED")
                            .then().statusCode(200).body("size()", equalTo(5)).body("[0].lastStatusCode", equalTo(204))
                            .body("[0].attempts", equalTo(1)).body("[0].lastLatencyMs", notNullValue()));
        }
    }

    @Test
    void aReceiverThatIsDownThenUpGetsEverythingInOrderPerAggregate() throws Exception {
        UUID a = UUID.randomUUID();
        int port;
        String url;
        try (Receiver gone = new Receiver()) {
            port = gone.port();
            url = gone.url();
        }
        String token = TestTokens.secretariat();
        Response created = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "types", List.of("tic.membership.cluster.*"))).post("/api/v1/webhooks");
        created.then().statusCode(201);
        String id = created.path("id");
        UUID b = UUID.randomUUID();
        Map<UUID, List<String>> sent = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            for (UUID c : List.of(a, b)) {
                sent.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(Events.clusterEvent(UPDATED, c, i).toString());
            }
        }
        // nobody listens: attempts fail and are retried
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/webhooks/" + id + "/deliveries?status=PENDING").then()
                        .body("find { it.attempts > 0 }.lastError", notNullValue()));
        given().auth().oauth2(token).get("/api/v1/webhooks/" + id).then().body("failingSince", notNullValue());
        try (Receiver back = new Receiver(port).answering(n -> n % 3 == 0 ? 500 : 200)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Set<String> ok = new LinkedHashSet<>(distinctIds(back.received()));
                return ok.containsAll(sent.get(a)) && ok.containsAll(sent.get(b));
            });
            List<String> order = distinctIds(back.received());
            for (UUID c : List.of(a, b)) {
                List<String> mine = order.stream().filter(sent.get(c)::contains).toList();
                assertEquals(sent.get(c), mine, "order of " + c);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().auth().oauth2(token).get("/api/v1/webhooks/" + id).then().body("failingSince", nullValue()));
        }
        given().auth().oauth2(token).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void aHangingReceiverDoesNotStallAnotherSubscription() throws Exception {
        UUID cluster = UUID.randomUUID();
        try (Receiver slow = new Receiver().hanging(4_000); Receiver fast = new Receiver()) {
            String token = TestTokens.secretariat();
            String slowId = subscribe(token, slow.url(), cluster).then().statusCode(201).extract().path("id");
            subscribe(token, fast.url(), cluster).then().statusCode(201);
            List<String> ids = IntStream.range(0, 6).mapToObj(i -> Events.clusterEvent(UPDATED, cluster, i).toString()).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> distinctIds(fast.received()).size() == 6);
            assertEquals(ids, distinctIds(fast.received()));
            // meanwhile the hanging one has not got past its first change (order per aggregate: it waits for it)
            assertTrue(distinctIds(slow.received()).size() <= 1, "slow got " + distinctIds(slow.received()).size());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().auth().oauth2(token).get("/api/v1/webhooks/" + slowId + "/deliveries?status=PENDING").then()
                            .body("lastError", org.hamcrest.Matchers.hasItem(containsString("no answer within"))));
            given().auth().oauth2(token).delete("/api/v1/webhooks/" + slowId).then().statusCode(204);
        }
    }

    @Test
    void afterARotationDeliveriesCarryBothSignaturesUntilTheOldSecretExpires() throws Exception {
        UUID cluster = UUID.randomUUID();
        try (Receiver receiver = new Receiver()) {
            String token = TestTokens.secretariat();
            Response created = subscribe(token, receiver.url(), cluster);
            String id = created.path("id");
            String oldSecret = created.path("secret");
            Response rotated = given().auth().oauth2(token).post("/api/v1/webhooks/" + id + "/rotate-secret");
            rotated.then().statusCode(200).body("previousSecretValidUntil", notNullValue());
            String newSecret = rotated.path("secret");
            assertFalse(newSecret.equals(oldSecret));
            Events.clusterEvent(UPDATED, cluster, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
            Receiver.Received r = receiver.received().get(0);
            assertEquals(2, r.header("webhook-signature").split(" ").length);
            assertTrue(signedWith(newSecret, r));
            assertTrue(signedWith(oldSecret, r));
        }
    }

    @Test
    void aPartnerReceivesWhatItMayReadAndTheSecretariatAlsoApplications() throws Exception {
        UUID cluster = UUID.randomUUID();
        try (Receiver partner = new Receiver(); Receiver secretariat = new Receiver()) {
            subscribe(TestTokens.partner(UUID.randomUUID()), partner.url(), cluster).then().statusCode(201)
                    .body("organizationId", notNullValue());
            subscribe(TestTokens.secretariat(), secretariat.url(), cluster).then().statusCode(201);
            String application = Events.applicationEvent("tic.membership.application.submitted.v1", UUID.randomUUID(), cluster).toString();
            String marker = Events.clusterEvent(UPDATED, cluster, 1).toString();
            await().atMost(Duration.ofSeconds(30)).until(() -> distinctIds(secretariat.received()).size() == 2
                    && distinctIds(partner.received()).contains(marker));
            assertEquals(Set.of(application, marker), Set.copyOf(distinctIds(secretariat.received())));
            assertEquals(List.of(marker), distinctIds(partner.received()));
        }
    }

    @Test
    void subscriptionsAreTheirOwnersAndBadInputIs422WithNothingStored() {
        String owner = TestTokens.coordinator(UUID.randomUUID());
        String id = subscribe(owner, "http://127.0.0.1:1/hook", UUID.randomUUID()).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.coordinator(UUID.randomUUID())).get("/api/v1/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/webhooks/" + id).then().statusCode(200);
        given().get("/api/v1/webhooks").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:1/hook", "organizationId", UUID.randomUUID().toString()))
                .post("/api/v1/webhooks").then().statusCode(403);

        String before = given().auth().oauth2(owner).get("/api/v1/webhooks").then().statusCode(200).extract().asString();
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://127.0.0.1/x", "types", List.of("tic.membership.cluster.jioned"),
                        "clusters", IntStream.range(0, 101).mapToObj(i -> UUID.randomUUID().toString()).toList(),
                        "description", "x".repeat(201)))
                .post("/api/v1/webhooks").then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItems("url", "types", "clusters", "description"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"url\": 42,").post("/api/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, given().auth().oauth2(owner).get("/api/v1/webhooks").then().extract().asString(), "nothing stored");

        String etag = given().auth().oauth2(owner).get("/api/v1/webhooks/" + id).then().extract().header("ETag");
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .body(Map.of("url", "http://127.0.0.1:2/hook")).put("/api/v1/webhooks/" + id).then().statusCode(412);
        given().auth().oauth2(owner).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("url", "http://127.0.0.1:2/hook", "types", List.of("tic.project.*")))
                .put("/api/v1/webhooks/" + id).then().statusCode(200).body("url", equalTo("http://127.0.0.1:2/hook"))
                .body("types", org.hamcrest.Matchers.hasItem("tic.project.project.created"));
        given().auth().oauth2(owner).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(owner).get("/api/v1/webhooks/" + id).then().statusCode(404);
    }
}
