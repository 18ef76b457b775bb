package org.tic.kpi;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.tic.devinfra.testing.TestTokens;

/** Requests to the service under test, with real signed tokens (as the secretariat unless a test says otherwise). */
final class Api {

    static final String SECRETARIAT = TestTokens.secretariat();

    private Api() {
    }

    /** A request as the secretariat. */
    static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + SECRETARIAT);
    }

    /** A request without a token. */
    static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    static RequestSpecification as(String token) {
        return token == null ? RestAssured.given() : RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
