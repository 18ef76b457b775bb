package org.tic.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KustomizeTest {

    @Test
    void missingKubectlFailsWithAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Kustomize.locate(Map.of("PATH", "/nonexistent")));
        assertTrue(e.getMessage().contains("kubectl not found"), e.getMessage());
        assertTrue(e.getMessage().contains("install kubectl"), e.getMessage());
    }

    @Test
    void aBrokenKustomizationIsReportedWithKubectlsError() {
        Kustomize k = Repo.kustomize();
        Kustomize.KustomizeException e = assertThrows(Kustomize.KustomizeException.class,
                () -> k.render(Path.of("/nonexistent-kustomization")));
        assertTrue(e.getMessage().contains("kubectl kustomize /nonexistent-kustomization failed"), e.getMessage());
    }
}
