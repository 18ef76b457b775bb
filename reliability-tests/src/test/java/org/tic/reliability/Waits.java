package org.tic.reliability;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/** Awaitility waits that record a failure instead of throwing, so a suite still prints all its figures. */
public final class Waits {

    private Waits() {
    }

    /** @return whether the condition held within the timeout; if not, {@code failures} gets a line */
    public static boolean until(String what, Duration atMost, Callable<Boolean> condition, List<String> failures) {
        try {
            await(what).atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            failures.add("not within " + atMost.toSeconds() + " s: " + what);
            return false;
        }
    }
}
