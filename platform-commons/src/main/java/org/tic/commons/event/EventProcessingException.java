package org.tic.commons.event;

/** Processing failed after the bounded retries; the messaging layer sends the record to the dead-letter topic. */
public class EventProcessingException extends RuntimeException {

    public EventProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
