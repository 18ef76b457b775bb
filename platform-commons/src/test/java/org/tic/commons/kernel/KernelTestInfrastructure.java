package org.tic.commons.kernel;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.tic.devinfra.launcher.Infrastructure;
import org.tic.devinfra.testing.TicInfraTestResource;

import java.util.Map;

/**
 * Every @QuarkusTest of platform-commons runs on the real PostgreSQL (database "commons") and Kafka broker, with the
 * kernel tests' own topics (the broker creates none by itself).
 */
@QuarkusTestResource(value = KernelTestInfrastructure.Resource.class, initArgs = @ResourceArg(name = "database", value = "commons"))
public final class KernelTestInfrastructure {

    public static final String TOPIC = "commons-kernel.events";
    public static final String DLQ = "commons-kernel.dlq";

    private KernelTestInfrastructure() {
    }

    public static class Resource extends TicInfraTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            Infrastructure.shared().kafka().createTopics(Map.of(TOPIC, 3, DLQ, 3));
            return config;
        }
    }
}
