package org.tic.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceConfigTest {

    @Test
    void readsWhatTheDeploymentMustFollow(@TempDir Path repo) throws Exception {
        Path props = ServiceConfig.propertiesOf(repo, "x-service");
        Files.createDirectories(props.getParent());
        Files.writeString(props, """
                quarkus.application.name=x-service
                quarkus.http.port=8089
                %prod.quarkus.shutdown.timeout=25s
                quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/xdb?ssl=false
                tic.outbox.topic=x.events
                mp.messaging.incoming.a.topic=a.events
                mp.messaging.incoming.a.failure-strategy=dead-letter-queue
                mp.messaging.incoming.a.dead-letter-queue.topic=x-service.dlq
                mp.messaging.incoming.a.group.id=x-group
                mp.messaging.incoming.b.topic=b.events
                mp.messaging.incoming.b.failure-strategy=dead-letter-queue
                %test.mp.messaging.incoming.c.topic=ignored
                """);
        ServiceConfig c = ServiceConfig.load(repo, "x-service").orElseThrow();
        assertEquals(8089, c.httpPort());
        assertEquals("xdb", c.database());
        assertEquals(Duration.ofSeconds(25), c.shutdownTimeout());
        assertEquals(Set.of("a.events", "b.events"), c.consumedTopics());
        assertEquals(Set.of("x-service.dlq", "dead-letter-topic-b.events"), c.deadLetterTopics());
        assertEquals(Set.of("x-group", "x-service"), c.consumerGroups());
        assertEquals(Set.of("x.events", "a.events", "b.events", "x-service.dlq", "dead-letter-topic-b.events"), c.topics());
    }
}
