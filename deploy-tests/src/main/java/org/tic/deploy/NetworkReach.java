package org.tic.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.tic.deploy.Overlay.texts;
import static org.tic.deploy.Selectors.selects;

/** Whether one Deployment's pods can reach another's through its Service, as the NetworkPolicies of both sides say. */
final class NetworkReach extends OverlayCheck {

    NetworkReach(Overlay overlay) {
        super(overlay);
    }

    /** The container ports (numbers and names) behind a Service port of the Services selecting the target's pods. */
    private record Ports(Set<Integer> numbers, Set<String> names) {
        boolean matches(JsonNode port) {
            return port.isTextual() ? names.contains(port.asText()) : numbers.contains(port.asInt());
        }
    }

    Ports targetPorts(Manifest target, int servicePort) {
        Set<Integer> numbers = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Manifest s : of("Service")) {
            if (!selects(s.spec().path("selector"), target.podLabels(), true)) {
                continue;
            }
            for (JsonNode p : s.spec().path("ports")) {
                if (p.path("port").asInt() != servicePort) {
                    continue;
                }
                JsonNode tp = p.has("targetPort") ? p.get("targetPort") : p.get("port");
                if (tp.isTextual()) {
                    names.add(tp.asText());
                } else {
                    numbers.add(tp.asInt());
                }
            }
        }
        for (JsonNode c : target.spec().path("template").path("spec").path("containers")) {
            for (JsonNode cp : c.path("ports")) {
                if (names.contains(cp.path("name").asText())) {
                    numbers.add(cp.path("containerPort").asInt());
                }
                if (numbers.contains(cp.path("containerPort").asInt())) {
                    names.add(cp.path("name").asText());
                }
            }
        }
        return new Ports(numbers, names);
    }

    /** An http(s) URL with a host, or null. */
    static URI httpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    }

    /** Whether the egress policies selecting these pods let them open the Service port's target on the target pods. */
    boolean egressAllows(Map<String, String> from, Manifest target, URI uri) {
        return allows("Egress", from, target.podLabels(), targetPorts(target, port(uri)));
    }

    /** Whether the ingress policies selecting the target's pods admit these pods on the Service port's target. */
    boolean ingressAllows(Manifest target, Map<String, String> from, URI uri) {
        return allows("Ingress", target.podLabels(), from, targetPorts(target, port(uri)));
    }

    /**
     * Whether the policies of this type ("Egress", "Ingress") selecting these pods let them talk to (or be reached
     * by) the peer pods of the same namespace on these ports; true where no such policy selects them.
     */
    private boolean allows(String type, Map<String, String> pods, Map<String, String> peers, Ports ports) {
        String peerField = type.equals("Egress") ? "to" : "from";
        boolean restricted = false;
        for (Manifest np : of("NetworkPolicy")) {
            if (!selects(np.spec().path("podSelector"), pods) || !texts(np.spec().path("policyTypes")).contains(type)) {
                continue;
            }
            restricted = true;
            for (JsonNode rule : np.spec().path(type.toLowerCase())) {
                boolean peer = rule.path(peerField).isEmpty();
                for (JsonNode p : rule.path(peerField)) {
                    peer |= p.has("podSelector") && !p.has("namespaceSelector") && !p.has("ipBlock")
                            && selects(p.path("podSelector"), peers);
                }
                boolean port = rule.path("ports").isEmpty();
                for (JsonNode p : rule.path("ports")) {
                    port |= ports.matches(p.path("port"));
                }
                if (peer && port) {
                    return true;
                }
            }
        }
        return !restricted;
    }

    /** Whether the egress policies selecting these pods allow some destination on this port (a backend anywhere). */
    boolean egressAllowsPort(Map<String, String> from, int port) {
        boolean restricted = false;
        for (Manifest np : of("NetworkPolicy")) {
            if (!selects(np.spec().path("podSelector"), from) || !texts(np.spec().path("policyTypes")).contains("Egress")) {
                continue;
            }
            restricted = true;
            for (JsonNode rule : np.spec().path("egress")) {
                if (rule.path("ports").isEmpty()) {
                    return true;
                }
                for (JsonNode p : rule.path("ports")) {
                    if (p.path("port").isInt() && p.path("port").asInt() <= port
                            && port <= p.path("endPort").asInt(p.path("port").asInt())) {
                        return true;
                    }
                }
            }
        }
        return !restricted;
    }

    /** The Service's port leading to this container port of the target, or -1. */
    int servicePort(Manifest service, Manifest target, int containerPort) {
        for (JsonNode p : service.spec().path("ports")) {
            int port = p.path("port").asInt();
            if (targetPorts(target, port).numbers().contains(containerPort)) {
                return port;
            }
        }
        return -1;
    }
}
