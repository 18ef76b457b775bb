package org.tic.commons.outbox;

/** Fired when an outbox row is written; observed after commit to wake the relay without waiting for a poll. */
public record OutboxWritten(String topic) {
}
