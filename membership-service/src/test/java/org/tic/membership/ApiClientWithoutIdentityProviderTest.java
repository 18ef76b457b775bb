package org.tic.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.tic.membership.Api.given;

/**
 * This module's tests run without an identity provider (the local key-pair mode): the service starts as before and
 * the api-client writes answer 503 identity-provider-unavailable; the rules before it (401/403/404/400) still hold.
 */
@QuarkusTest
class ApiClientWithoutIdentityProviderTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void writesAnswer503WithoutAnIdentityProvider() {
        String org = Api.organization(Api.unique("No IdP"), "COMPANY");
        String clients = "/api/v1/organizations/" + org + "/api-clients";
        given().contentType(ContentType.JSON).body(Map.of("name", "ERP integration")).post(clients)
                .then().statusCode(503).contentType(PROBLEM)
                .body("type", equalTo("urn:tic:problem:identity-provider-unavailable"))
                .body("detail", containsString("no identity provider configured"))
                .body("instance", equalTo(clients))
                .header("Retry-After", nullValue()); // retrying will not help: it is configuration
        given().post(clients + "/partner-x-000000/rotate-secret").then().statusCode(404).contentType(PROBLEM);

        // what does not need the identity provider still answers
        given().get(clients).then().statusCode(200).body("items.size()", equalTo(0));
        Api.as(null).contentType(ContentType.JSON).body(Map.of("name", "x")).post(clients).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).post(clients).then().statusCode(400).contentType(PROBLEM);
    }
}
