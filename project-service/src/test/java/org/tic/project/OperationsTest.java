package org.tic.project;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Health tells the truth (database and the Kafka consumer for readiness), the API is documented, metrics are exposed. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessCoversTheDatabaseAndTheConsumer() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theApiAndMetricsArePublished() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/projects/{id}/stage-transitions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/corridors"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/stages"));
        given().get("/api/v1/stages").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tic_outbox_pending"))
                .body(containsString("http_server_requests"));
    }
}
