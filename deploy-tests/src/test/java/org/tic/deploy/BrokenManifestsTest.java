package org.tic.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validator is not a rubber stamp: each overlay under src/test/resources/broken/k8s is a real overlay
 * (the prod one plus one deliberate defect) and must fail with the violations its expected.txt lists (one
 * substring per line).
 */
class BrokenManifestsTest {

    private static OverlayValidator validator;

    @BeforeAll
    static void kubectl() {
        validator = new OverlayValidator(Repo.root(), Repo.kustomize());
    }

    static List<Path> broken() {
        return Repo.kustomizations(Repo.root().resolve("deploy-tests/src/test/resources/broken/k8s"));
    }

    @Test
    void thereAreBrokenExamples() {
        assertTrue(broken().size() >= 5, "broken examples: " + broken());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenOverlayFails(Path overlay) throws IOException {
        List<String> expected = Files.readAllLines(overlay.resolve("expected.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertFalse(expected.isEmpty(), overlay + "/expected.txt lists nothing");
        OverlayValidator.Result result = validator.validate(overlay, true);
        assertFalse(result.violations().isEmpty(), overlay.getFileName() + " passed the validator");
        String report = Repo.report(result.violations());
        for (String e : expected) {
            assertTrue(report.contains(e), overlay.getFileName() + ": expected a violation containing '" + e + "', got " + report);
        }
    }
}
