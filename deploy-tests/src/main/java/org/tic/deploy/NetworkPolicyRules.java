package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.tic.deploy.Overlay.texts;
import static org.tic.deploy.Selectors.selects;

/** NetworkPolicies isolate every Deployment's pods in both directions, DNS allowed, no open ingress (rule network-policy). */
final class NetworkPolicyRules extends OverlayCheck {

    NetworkPolicyRules(Overlay overlay) {
        super(overlay);
    }

    void isolation(Manifest d, Map<String, String> podLabels) {
        boolean ingress = false;
        boolean egress = false;
        boolean dns = false;
        for (Manifest np : of("NetworkPolicy")) {
            if (!selects(np.spec().path("podSelector"), podLabels)) {
                continue;
            }
            Set<String> types = new HashSet<>(texts(np.spec().path("policyTypes")));
            ingress |= types.contains("Ingress");
            egress |= types.contains("Egress");
            for (JsonNode rule : np.spec().path("egress")) {
                for (JsonNode port : rule.path("ports")) {
                    dns |= port.path("port").asInt() == 53;
                }
            }
            for (JsonNode rule : np.spec().path("ingress")) {
                if (rule.path("ports").isEmpty()) {
                    add("network-policy", np, "an ingress rule without ports opens every port");
                }
                if (rule.path("from").isEmpty()) {
                    add("network-policy", np, "an ingress rule without from admits every source");
                }
            }
        }
        if (!ingress || !egress) {
            add("network-policy", d, "its pods are not isolated by NetworkPolicies for "
                    + (!ingress && !egress ? "ingress and egress" : !ingress ? "ingress" : "egress"));
        } else if (!dns) {
            add("network-policy", d, "egress is restricted but DNS (port 53) is not allowed");
        }
    }
}
