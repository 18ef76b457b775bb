package org.tic.commons.event;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An unreachable database makes a consumer wait; only a failing effect counts towards the dead-letter limit. */
class IdempotentConsumerTest {

    @Test
    void connectionFailuresAreUnavailabilityNotBrokenEvents() {
        assertTrue(IdempotentConsumer.isUnavailable(new RuntimeException(new SQLTransientConnectionException("pool"))));
        assertTrue(IdempotentConsumer.isUnavailable(new IllegalStateException(new ConnectException("refused"))));
        assertTrue(IdempotentConsumer.isUnavailable(new RuntimeException(new SQLException("gone", "08006"))));
        assertTrue(IdempotentConsumer.isUnavailable(new RuntimeException(new SQLException("shutting down", "57P01"))));
        assertTrue(IdempotentConsumer.isUnavailable(new RuntimeException("Unable to acquire JDBC Connection [refused]")));
    }

    @Test
    void failingEffectsAreNot() {
        assertFalse(IdempotentConsumer.isUnavailable(new IllegalArgumentException("bad data")));
        assertFalse(IdempotentConsumer.isUnavailable(new RuntimeException(new SQLException("duplicate", "23505"))));
        assertFalse(IdempotentConsumer.isUnavailable(null));
    }
}
