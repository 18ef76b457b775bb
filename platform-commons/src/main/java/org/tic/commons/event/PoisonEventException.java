package org.tic.commons.event;

/** An event that can never be processed (undecodable, or not what its type promises): no retry, straight to the DLQ. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
