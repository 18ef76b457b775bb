package org.tic.deploy;

import java.util.Map;
import java.util.Set;

import static org.tic.deploy.PolicyRules.REQUIRED_LABELS;

/** What every object carries: the app, application and system labels, and a namespace (rules labels, namespace). */
final class ObjectRules extends OverlayCheck {

    ObjectRules(Overlay overlay) {
        super(overlay);
    }

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "CustomResourceDefinition");

    void check(Manifest m) {
        labels(m);
        if (!CLUSTER_SCOPED.contains(m.kind()) && m.namespace() == null) {
            add("namespace", m, "has no namespace (the overlay's namespace: is missing)");
        }
    }

    private void labels(Manifest m) {
        Map<String, String> labels = m.labels();
        for (String l : REQUIRED_LABELS) {
            if (labels.getOrDefault(l, "").isBlank()) {
                add("labels", m, "label '" + l + "' is missing (app, application and system go on every object)");
            }
        }
        if (m.spec().path("template").path("metadata").isObject() && m.kind().equals("Deployment")) {
            Map<String, String> pod = m.podLabels();
            for (String l : REQUIRED_LABELS) {
                if (pod.getOrDefault(l, "").isBlank()) {
                    add("labels", m, "pod template label '" + l + "' is missing");
                }
            }
        }
    }
}
