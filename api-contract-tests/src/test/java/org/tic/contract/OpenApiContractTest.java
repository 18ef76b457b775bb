package org.tic.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST contract as an artifact. Each service's build stores its OpenAPI document
 * ({@code quarkus.smallrye-openapi.store-schema-directory=target/openapi}); here it must equal the committed
 * {@code docs/api/<service>.yaml}, and against the last released contract ({@code docs/api/released/<service>.yaml})
 * it may not break anything that is not declared in {@code docs/api/declared-breaking-changes.yaml}.
 * After reviewing a change: {@code ./mvnw -pl api-contract-tests test -Dtic.contract.update=true} rewrites docs/api.
 */
class OpenApiContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Path.of(System.getProperty("tic.repository.root", "..")).toAbsolutePath().normalize();
    private static final boolean UPDATE = Boolean.getBoolean("tic.contract.update");

    @ParameterizedTest
    @ValueSource(strings = {"membership-service", "project-service", "kpi-service", "delivery-service"})
    void theCommittedDocumentIsTheGeneratedOne(String service) throws IOException {
        Path generated = ROOT.resolve(service).resolve("target/openapi/openapi.yaml");
        assertTrue(Files.exists(generated), generated + " is missing: build the service first (./mvnw install)");
        Path committed = committed(service);
        String now = normalized(Files.readString(generated));
        if (UPDATE) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, now);
        }
        assertTrue(Files.exists(committed), committed + " is missing; review the document and run with -Dtic.contract.update=true");
        String before = normalized(Files.readString(committed));
        assertTrue(before.equals(now), () -> service + ": the API changed but " + ROOT.relativize(committed)
                + " did not (" + firstDifference(before, now) + "). Review the difference (it is what partners build "
                + "on), then commit the new document: ./mvnw -pl api-contract-tests test -Dtic.contract.update=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"membership-service", "project-service", "kpi-service", "delivery-service"})
    void nothingBreaksTheReleasedContractUnlessDeclared(String service) throws IOException {
        Path released = ROOT.resolve("docs/api/released").resolve(service + ".yaml");
        Path generated = ROOT.resolve(service).resolve("target/openapi/openapi.yaml");
        if (UPDATE && !Files.exists(released)) {
            Files.createDirectories(released.getParent());
            Files.copy(generated, released); // the first release of /api/v1: today's contract
        }
        List<String> breaking = breakingChanges(Files.readString(released), Files.readString(generated));
        Set<String> declared = declared(service);
        List<String> undeclared = breaking.stream().filter(b -> !declared.contains(b)).toList();
        assertTrue(undeclared.isEmpty(), service + " breaks its released contract (" + ROOT.relativize(released) + "):\n  "
                + String.join("\n  ", undeclared) + "\nKeep /api/v1 compatible (add, never remove or tighten; "
                + "docs/api-deprecation.md), or declare the change in docs/api/declared-breaking-changes.yaml.");
    }

    /** The check can fail: removing an operation and requiring a new parameter are reported. */
    @Test
    void aRemovedOperationAndANewRequiredParameterAreReportedAsBreaking() throws IOException {
        String released = Files.readString(ROOT.resolve("project-service/target/openapi/openapi.yaml"));
        ObjectNode doc = (ObjectNode) YAML.readTree(released);
        ((ObjectNode) doc.path("paths")).remove("/api/v1/corridors");
        ObjectNode stages = (ObjectNode) doc.path("paths").path("/api/v1/stages").path("get");
        stages.withArray("parameters").addObject().put("name", "mustHave").put("in", "query").put("required", true)
                .putObject("schema").put("type", "string");
        List<String> breaking = breakingChanges(released, YAML.writeValueAsString(doc));
        assertTrue(breaking.contains("GET /api/v1/corridors removed"), breaking.toString());
        assertTrue(breaking.contains("GET /api/v1/stages changed incompatibly"), breaking.toString());
        assertFalse(breakingChanges(released, released).iterator().hasNext(), "a document does not break itself");
    }

    static List<String> breakingChanges(String released, String generated) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(released, generated);
        List<String> out = new ArrayList<>();
        diff.getMissingEndpoints().forEach(e -> out.add(e.getMethod() + " " + e.getPathUrl() + " removed"));
        diff.getChangedOperations().stream().filter(o -> o.isChanged().isIncompatible())
                .forEach(o -> out.add(o.getHttpMethod() + " " + o.getPathUrl() + " changed incompatibly"));
        return out;
    }

    private static Set<String> declared(String service) throws IOException {
        Path file = ROOT.resolve("docs/api/declared-breaking-changes.yaml");
        Set<String> out = new TreeSet<>();
        JsonNode doc = YAML.readTree(file.toFile());
        for (JsonNode d : doc.path("declared")) {
            if (service.equals(d.path("service").asText())) {
                out.add(d.path("change").asText());
            }
        }
        return out;
    }

    private static Path committed(String service) {
        return ROOT.resolve("docs/api").resolve(service + ".yaml");
    }

    /** Where two documents part, so a failed build names the line instead of printing both documents. */
    static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String was = i < a.length ? a[i] : "<end of document>";
            String is = i < b.length ? b[i] : "<end of document>";
            if (!was.equals(is)) {
                return "first difference at line " + (i + 1) + ": committed '" + was.strip() + "', generated '" + is.strip() + "'";
            }
        }
        return "no difference";
    }

    private static String normalized(String yaml) {
        return new String(yaml.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
