package org.tic.delivery;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With the production rules: plain http and receivers on non-public addresses are refused (SSRF), nothing stored. */
@QuarkusTest
@TestProfile(WebhookProductionRulesTest.ProductionRules.class)
class WebhookProductionRulesTest {

    public static class ProductionRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tic.delivery.webhooks.allow-insecure-urls", "false",
                    "tic.delivery.webhooks.allow-private-addresses", "false");
        }
    }

    @Test
    void plainHttpLoopbackPrivateAndMetadataReceiversAreRefused() {
        String token = TestTokens.secretariat();
        String before = given().auth().oauth2(token).get("/api/v1/webhooks").then().statusCode(200).extract().asString();
        for (String url : List.of("http://partner.example.org/hook", "https://127.0.0.1/hook", "https://localhost/hook",
                "https://10.0.0.7/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
                "https://192.168.0.10:8443/hook")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/v1/webhooks")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("url")).body("detail", containsString("url"));
        }
        assertEquals(before, given().auth().oauth2(token).get("/api/v1/webhooks").then().extract().asString());
    }
}
