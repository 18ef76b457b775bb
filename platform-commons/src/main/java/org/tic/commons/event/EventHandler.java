package org.tic.commons.event;

/** Applies one event's effect; runs inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event) throws Exception;

    /**
     * Called once per transaction after its events were handled (a batch, or one event), before the commit: a write
     * that covers them all belongs here, so a lock it takes is held for the commit only, not for the whole batch.
     */
    default void beforeCommit() throws Exception {
    }
}
