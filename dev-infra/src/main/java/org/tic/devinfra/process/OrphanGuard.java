package org.tic.devinfra.process;

import java.io.IOException;

/**
 * Stops a child process when the JVM that started it dies, even by {@code kill -9}: a JVM shutdown hook
 * does not run then, and PostgreSQL or a broker JVM would otherwise keep their ports. The guard is a tiny
 * shell loop that polls the owner's PID; it is destroyed on a normal stop.
 */
public final class OrphanGuard {

    private OrphanGuard() {
    }

    /**
     * @param childPid    process to stop once this JVM is gone
     * @param firstSignal signal to send first (e.g. QUIT for an immediate PostgreSQL shutdown, TERM for a JVM)
     */
    public static Process watch(long childPid, String firstSignal) {
        long owner = ProcessHandle.current().pid();
        String script = "while kill -0 " + owner + " 2>/dev/null; do sleep 1; done; "
                + "kill -" + firstSignal + " " + childPid + " 2>/dev/null; i=0; "
                + "while kill -0 " + childPid + " 2>/dev/null && [ $i -lt 20 ]; do sleep 0.5; i=$((i+1)); done; "
                + "kill -KILL " + childPid + " 2>/dev/null";
        try {
            return new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the orphan guard for PID " + childPid, e);
        }
    }
}
