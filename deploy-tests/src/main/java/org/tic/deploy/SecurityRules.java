package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Pods and containers run locked down: no service-account token, no host namespaces or paths, non-root, no privilege
 * escalation, all capabilities dropped, RuntimeDefault seccomp, a read-only root filesystem with a writable /tmp
 * (rule security).
 */
final class SecurityRules extends OverlayCheck {

    SecurityRules(Overlay overlay) {
        super(overlay);
    }

    void pod(Manifest d, JsonNode pod) {
        if (!pod.path("automountServiceAccountToken").isBoolean() || pod.path("automountServiceAccountToken").asBoolean()) {
            add("security", d, "automountServiceAccountToken must be false (the service never calls the API server)");
        }
        if (pod.path("hostNetwork").asBoolean() || pod.path("hostPID").asBoolean() || pod.path("hostIPC").asBoolean()) {
            add("security", d, "must not use the host's network, PID or IPC namespace");
        }
    }

    void volume(Manifest d, JsonNode v) {
        if (v.has("hostPath")) {
            add("security", d, "volume " + v.path("name").asText() + " is a hostPath");
        }
    }

    void container(Manifest d, String where, JsonNode c, JsonNode psc, Map<String, JsonNode> volumes) {
        JsonNode sc = c.path("securityContext");
        boolean nonRoot = sc.path("runAsNonRoot").asBoolean(psc.path("runAsNonRoot").asBoolean(false));
        if (!nonRoot) {
            add("security", d, where + " may run as root (runAsNonRoot is not true)");
        }
        JsonNode uid = sc.has("runAsUser") ? sc.get("runAsUser") : psc.get("runAsUser");
        if (uid != null && uid.asLong() == 0) {
            add("security", d, where + " runs as user 0");
        }
        if (sc.path("privileged").asBoolean(false)) {
            add("security", d, where + " is privileged");
        }
        if (!sc.path("allowPrivilegeEscalation").isBoolean() || sc.path("allowPrivilegeEscalation").asBoolean()) {
            add("security", d, where + " must set allowPrivilegeEscalation: false");
        }
        boolean dropsAll = false;
        for (JsonNode cap : sc.path("capabilities").path("drop")) {
            dropsAll |= cap.asText().equals("ALL");
        }
        if (!dropsAll) {
            add("security", d, where + " must drop ALL capabilities");
        }
        if (sc.path("capabilities").path("add").size() > 0) {
            add("security", d, where + " adds capabilities " + sc.path("capabilities").path("add"));
        }
        String seccomp = sc.path("seccompProfile").path("type").asText(psc.path("seccompProfile").path("type").asText(""));
        if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
            add("security", d, where + " has no RuntimeDefault seccomp profile");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
            add("security", d, where + " must set readOnlyRootFilesystem: true");
        } else {
            boolean tmp = false;
            for (JsonNode mount : c.path("volumeMounts")) {
                JsonNode vol = volumes.get(mount.path("name").asText());
                tmp |= mount.path("mountPath").asText().equals("/tmp") && vol != null && vol.has("emptyDir")
                        && !mount.path("readOnly").asBoolean(false);
            }
            if (!tmp) {
                add("security", d, where + " has a read-only root filesystem but no writable emptyDir on /tmp (the JVM needs it)");
            }
        }
        for (JsonNode mount : c.path("volumeMounts")) {
            if (!volumes.containsKey(mount.path("name").asText())) {
                add("security", d, where + " mounts an undeclared volume " + mount.path("name").asText());
            }
        }
    }
}
