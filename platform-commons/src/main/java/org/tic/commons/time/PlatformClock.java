package org.tic.commons.time;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Instant;

/**
 * The one clock of a service: UTC, the same on every replica. Beans inject {@link Clock}; a service (or a test) that
 * produces its own Clock replaces this default.
 */
@ApplicationScoped
public class PlatformClock {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The injected clock's instant for code the container creates but cannot inject into (JPA entity callbacks);
     * outside a running container (plain unit tests) the system clock.
     */
    public static Instant now() {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return Instant.now();
        }
        var handle = container.instance(Clock.class);
        return handle.isAvailable() ? handle.get().instant() : Instant.now();
    }
}
