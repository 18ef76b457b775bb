package org.tic.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.tic.devinfra.testing.TicInfraTestResource;

/** Every @QuarkusTest of this module runs on the real PostgreSQL (database "delivery") and Kafka broker. */
@QuarkusTestResource(value = TicInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "delivery"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
