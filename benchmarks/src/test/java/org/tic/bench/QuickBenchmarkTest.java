package org.tic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the quick benchmark end to end (real PostgreSQL, Kafka, the three packaged services and the Spring peer) and
 * checks only that the report was produced with every scenario in it. No figure is asserted: the machines are
 * shared and noisy. Skipped unless {@code -Dbench.smoke=true} (see benchmarks/README.md).
 */
class QuickBenchmarkTest {

    @Test
    void quickRunWritesTheReportWithEveryScenario() throws Exception {
        Path root = Path.of(System.getProperty("tic.repository.root", "..")).toAbsolutePath().normalize();
        Path out = root.resolve("benchmarks/target/bench-smoke");
        Path dir = BenchmarkMain.run(new String[]{"--quick", "--root", root.toString(), "--out", out.toString()});
        assertNotNull(dir, "the quick benchmark failed; see the output above and " + out.resolve("latest-quick.md"));

        Path md = out.resolve("latest-quick.md");
        Path json = out.resolve("latest-quick.json");
        assertTrue(Files.size(md) > 0, "Markdown report written");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertFalse(report.path("meta").path("machine").isMissingNode(), "machine described");
        assertFalse(report.path("meta").path("versions").isMissingNode(), "versions listed");
        JsonNode scenarios = report.path("scenarios");
        for (String id : Report.SCENARIOS) {
            JsonNode s = scenarios.path(id);
            assertFalse(s.isMissingNode(), id + " present");
            assertFalse("not run".equals(s.path("status").asText()), id + " ran");
            assertTrue(s.path("measurements").size() > 0, id + " has measurements");
        }
        assertEquals(Report.SCENARIOS.size(), Report.SCENARIOS.stream().filter(id -> scenarios.has(id)).count());
        String text = Files.readString(md);
        for (String title : new String[]{"1. The physical limit", "2. What a user would pick instead", "3. Writes",
                "4. Event lag", "5. Scale", "6. Footprint"}) {
            assertTrue(text.contains("## " + title), "Markdown has section " + title);
        }
    }
}
