package org.tic.project;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.tic.devinfra.testing.TicInfraTestResource;

/** Every @QuarkusTest of this module runs on the real PostgreSQL (database "project") and Kafka broker. */
@QuarkusTestResource(value = TicInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "project"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
