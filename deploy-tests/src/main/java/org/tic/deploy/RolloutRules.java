package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.tic.deploy.Overlay.texts;

/**
 * Rolling updates lose no request: maxUnavailable 0, a preStop delay, a grace period covering preStop + the server's
 * shutdown + a margin (rule rollout).
 */
final class RolloutRules extends OverlayCheck {

    RolloutRules(Overlay overlay) {
        super(overlay);
    }

    private static final Pattern SLEEP = Pattern.compile("(?:^|\\s)sleep\\s+(\\d+)");

    void check(Manifest d, JsonNode pod, long shutdown, String shutdownName, String margin) {
        JsonNode strategy = d.spec().path("strategy");
        if (!strategy.path("type").asText("RollingUpdate").equals("RollingUpdate")
                || !strategy.path("rollingUpdate").path("maxUnavailable").asText("25%").equals("0")) {
            add("rollout", d, "a rolling update must keep every ready pod until its replacement is ready (maxUnavailable: 0)");
        }
        long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
        long preStop = -1;
        for (JsonNode c : pod.path("containers")) {
            JsonNode hook = c.path("lifecycle").path("preStop");
            if (hook.has("sleep")) {
                preStop = hook.path("sleep").path("seconds").asLong();
            } else {
                Matcher m = SLEEP.matcher(String.join(" ", texts(hook.path("exec").path("command"))));
                if (m.find()) {
                    preStop = Long.parseLong(m.group(1));
                }
            }
        }
        if (preStop < 0) {
            add("rollout", d, "no preStop sleep: requests still routed to a terminating pod would fail");
            preStop = 0;
        } else if (preStop < 5) {
            add("rollout", d, "preStop sleep of " + preStop + " s is shorter than endpoint propagation (5 s or more)");
        }
        if (grace < preStop + shutdown + 10) {
            add("rollout", d, "terminationGracePeriodSeconds " + grace + " < preStop " + preStop
                    + " s + " + shutdownName + " " + shutdown + " s + " + margin);
        }
    }
}
