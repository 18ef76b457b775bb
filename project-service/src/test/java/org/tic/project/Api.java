package org.tic.project;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.tic.devinfra.testing.TestTokens;

/** Requests to the service under test, with real signed tokens (TestTokens: the key the service trusts in tests). */
public final class Api {

    /** The secretariat may do everything: the tests that are not about authorization write as it. */
    public static final String SECRETARIAT = TestTokens.secretariat();

    private Api() {
    }

    /** A request as the secretariat. */
    public static RequestSpecification given() {
        return as(SECRETARIAT);
    }

    /** A request without a token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    /** A request with this bearer token, or none when null. */
    public static RequestSpecification as(String token) {
        return token == null ? RestAssured.given() : RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
