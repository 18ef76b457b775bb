package org.tic.devinfra.process;

import java.util.concurrent.TimeUnit;

/** How the servers and services this module starts are stopped: one way for all of them. */
public final class ChildProcess {

    private ChildProcess() {
    }

    /**
     * Stops {@code process} (SIGTERM, then SIGKILL after 30 s; or SIGKILL at once when {@code kill}, as a crash) and
     * then its orphan guard, which is no longer needed. Either may be null.
     */
    public static void stop(Process process, Process guard, boolean kill) {
        try {
            if (process != null) {
                if (kill) {
                    process.destroyForcibly();
                } else {
                    process.destroy();
                }
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (guard != null) {
                guard.destroy();
            }
        }
    }
}
