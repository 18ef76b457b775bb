package org.tic.contract;

import org.tic.devinfra.process.ExternalTool;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API contracts linted with Spectral and the repository's ruleset ({@code docs/api/.spectral.yaml}: spectral:oas
 * and spectral:asyncapi, plus problem+json errors, operationIds, examples and the page shape): the committed OpenAPI
 * documents and the AsyncAPI documents the services serve. {@code --fail-severity=warn}: an error or a warning fails,
 * an information (e.g. the contact the owners have not chosen yet) is only shown. By hand: api-contract-tests/README.md.
 */
class SpectralLintTest {

    private static final Path ROOT = Path.of(System.getProperty("tic.repository.root", "..")).toAbsolutePath().normalize();
    private static final Path RULESET = ROOT.resolve("docs/api/.spectral.yaml");
    private static final List<String> SERVICES = List.of("membership-service", "project-service", "kpi-service", "delivery-service");
    /** delivery-service publishes no Kafka events (its change feed and webhooks are REST), so it has no AsyncAPI document. */
    private static final List<String> EVENT_PUBLISHERS = List.of("membership-service", "project-service", "kpi-service");

    @Test
    void everyContractPassesTheRuleset() {
        Spectral spectral = Spectral.require(ROOT);
        List<String> args = new ArrayList<>(List.of("lint", "--ruleset", RULESET.toString(), "--fail-severity=warn",
                "--format", "text"));
        for (Path doc : documents()) {
            assertTrue(Files.isRegularFile(doc), doc + " is missing");
            args.add(doc.toString());
        }
        ExternalTool.Result result = spectral.run(ROOT, args);
        assertEquals(0, result.exitCode(), "Spectral " + spectral.version() + " finds errors or warnings in the API "
                + "contracts (fix them at the source, the resource annotations or the AsyncAPI document, then regenerate "
                + "docs/api; see api-contract-tests/README.md):\n" + result.output());
    }

    /** The lint can fail: a document breaking each custom rule is reported for each of them. */
    @Test
    void theCustomRulesReportWhatTheyAreAbout() throws Exception {
        Spectral spectral = Spectral.require(ROOT);
        Path bad = Path.of(SpectralLintTest.class.getResource("/spectral/violations.yaml").toURI());
        ExternalTool.Result result = spectral.run(ROOT, List.of("lint", "--ruleset", RULESET.toString(),
                "--fail-severity=warn", "--format", "text", bad.toString()));
        assertEquals(1, result.exitCode(), result.output());
        for (String rule : List.of("operation-operationId", "tic-operation-id-camel-case", "tic-error-problem-json",
                "tic-request-body-example", "tic-response-example", "tic-page-shape")) {
            assertTrue(result.output().contains(" " + rule + " "), rule + " is not reported:\n" + result.output());
        }
        assertTrue(result.output().contains("lacks totalPages (integer)"), result.output());
        assertTrue(result.output().contains("untyped body"), result.output());
    }

    private static List<Path> documents() {
        List<Path> out = new ArrayList<>();
        SERVICES.forEach(s -> out.add(ROOT.resolve("docs/api").resolve(s + ".yaml")));
        EVENT_PUBLISHERS.forEach(s -> out.add(ROOT.resolve(s).resolve("src/main/resources/META-INF/resources/asyncapi.yaml")));
        return out;
    }
}
