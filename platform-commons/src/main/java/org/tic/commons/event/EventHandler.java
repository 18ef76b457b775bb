package org.tic.commons.event;

/** Applies one event's effect; runs inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event) throws Exception;
}
