package org.tic.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The end of the retry period, with the periods shortened: a delivery that keeps failing becomes a dead letter, a
 * subscription that keeps failing is disabled with its reason, and once the receiver works, enable + redeliver
 * delivers it.
 */
@QuarkusTest
@TestProfile(WebhookGiveUpTest.ShortPeriods.class)
class WebhookGiveUpTest {

    public static class ShortPeriods implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tic.delivery.webhooks.give-up-after", "2s", "tic.delivery.webhooks.disable-after", "2s");
        }
    }

    @Test
    void aDeliveryFailingPastTheRetryPeriodIsADeadLetterTheSubscriptionIsDisabledAndRedeliveryWorks() throws Exception {
        UUID cluster = UUID.randomUUID();
        String token = TestTokens.secretariat();
        try (Receiver receiver = new Receiver().answering(n -> 500)) {
            String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "clusters", List.of(cluster.toString())))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            String event = Events.clusterEvent("tic.membership.cluster.updated.v1", cluster, 1).toString();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(token).get("/api/v1/webhooks/" + id + "/deliveries?status=DEAD").then()
                            .body("size()", equalTo(1)).body("[0].eventId", equalTo(event))
                            .body("[0].lastStatusCode", equalTo(500)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(token).get("/api/v1/webhooks/" + id).then().body("status", equalTo("DISABLED"))
                            .body("disabledReason", containsString("HTTP 500")).body("disabledAt", notNullValue()));

            receiver.answering(n -> 200);
            int before = receiver.received().size();
            given().auth().oauth2(token).post("/api/v1/webhooks/" + id + "/enable").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            String dead = given().auth().oauth2(token).get("/api/v1/webhooks/" + id + "/deliveries?status=DEAD")
                    .then().extract().path("[0].id");
            given().auth().oauth2(token).post("/api/v1/webhooks/" + id + "/deliveries/" + dead + "/redeliver").then()
                    .statusCode(200).body("status", equalTo("PENDING"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(token).get("/api/v1/webhooks/" + id + "/deliveries?status=DELIVERED").then()
                            .body("size()", equalTo(1)));
            assertEquals(event, receiver.received().get(receiver.received().size() - 1).header("webhook-id"));
            assertEquals(true, receiver.received().size() > before);
            // only a dead letter can be redelivered
            given().auth().oauth2(token).post("/api/v1/webhooks/" + id + "/deliveries/" + dead + "/redeliver").then()
                    .statusCode(409).contentType("application/problem+json");
        }
    }
}
