package org.tic.deploy;

import java.util.List;
import java.util.Map;

import static org.tic.deploy.Selectors.selects;

/** Every Deployment has a PodDisruptionBudget that lets nodes drain and an HPA owning its replica count (rules pdb, hpa). */
final class ScalingRules extends OverlayCheck {

    ScalingRules(Overlay overlay) {
        super(overlay);
    }

    void pdb(Manifest d, Map<String, String> podLabels) {
        List<Manifest> pdbs = of("PodDisruptionBudget").stream()
                .filter(p -> selects(p.spec().path("selector"), podLabels)).toList();
        if (pdbs.isEmpty()) {
            add("pdb", d, "no PodDisruptionBudget selects its pods");
        }
        for (Manifest p : pdbs) {
            if (p.spec().has("minAvailable") && !p.spec().has("maxUnavailable")) {
                add("pdb", p, "use maxUnavailable: a minAvailable equal to the replica count blocks every node drain");
            } else if (p.spec().path("maxUnavailable").asText().equals("0")) {
                add("pdb", p, "maxUnavailable 0 blocks every node drain");
            }
        }
    }

    void hpa(Manifest d) {
        List<Manifest> hpas = of("HorizontalPodAutoscaler").stream()
                .filter(h -> h.spec().path("scaleTargetRef").path("kind").asText().equals("Deployment")
                        && h.spec().path("scaleTargetRef").path("name").asText().equals(d.name()))
                .toList();
        if (hpas.isEmpty()) {
            add("hpa", d, "no HorizontalPodAutoscaler scales it");
        } else if (d.spec().has("replicas")) {
            add("hpa", d, "sets spec.replicas although an HPA owns the count (every apply would reset it)");
        }
    }

    void hpas() {
        for (Manifest h : of("HorizontalPodAutoscaler")) {
            String target = h.spec().path("scaleTargetRef").path("name").asText();
            if (named("Deployment", target).isEmpty()) {
                add("hpa", h, "scales " + target + ", which is not in the manifests");
            }
            int min = h.spec().path("minReplicas").asInt(1);
            int max = h.spec().path("maxReplicas").asInt(0);
            if (min > max) {
                add("hpa", h, "minReplicas " + min + " > maxReplicas " + max);
            }
            if (production && min < 2) {
                add("hpa", h, "production needs at least 2 replicas (minReplicas " + min + ")");
            }
            if (h.spec().path("metrics").isEmpty()) {
                add("hpa", h, "has no metric to scale on");
            }
        }
    }
}
