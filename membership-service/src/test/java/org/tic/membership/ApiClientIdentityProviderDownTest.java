package org.tic.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.process.Ports;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.tic.membership.Api.given;

/** An identity provider that is configured but down: 503 problem+json with Retry-After, never a 500, nothing written. */
@QuarkusTest
@TestProfile(ApiClientIdentityProviderDownTest.Down.class)
class ApiClientIdentityProviderDownTest {

    public static class Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a port nothing listens on: connection refused at once
            return Map.of("tic.identity-provider.url", "http://127.0.0.1:" + Ports.free(),
                    "tic.identity-provider.admin-client-secret", "irrelevant",
                    "tic.identity-provider.timeout", "2s");
        }
    }

    @Test
    void unreachableIdentityProviderIs503WithRetryAfter() {
        String org = Api.organization(Api.unique("IdP down"), "COMPANY");
        String clients = "/api/v1/organizations/" + org + "/api-clients";
        given().contentType(ContentType.JSON).body(Map.of("name", "ERP integration")).post(clients)
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:identity-provider-unavailable"))
                .header("Retry-After", notNullValue());
        given().get(clients).then().statusCode(200).body("totalItems", equalTo(0));
    }
}
