package org.tic.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The allowed metric names of {@link Monitoring#EXPORTED} are backed by the code: renaming a meter, dropping a
 * binder or a dependency fails here, and then the alerts and the dashboard that use the name must follow.
 */
class MetricNamesTest {

    static final List<Monitoring.Exported> exported = Monitoring.EXPORTED;

    @ParameterizedTest(name = "{0}")
    @FieldSource("exported")
    void theEvidenceIsInTheCode(Monitoring.Exported metric) throws Exception {
        assertTrue(metric.name().matches("[a-z_:][a-z0-9_:]*"), metric.name());
        for (Monitoring.Evidence e : metric.evidence()) {
            Path file = Repo.root().resolve(e.file());
            assertTrue(Files.isRegularFile(file), metric.name() + ": " + e.file() + " is missing");
            assertTrue(Files.readString(file).contains(e.text()),
                    metric.name() + " (" + metric.origin() + "): " + e.file() + " no longer contains " + e.text());
        }
    }

    @Test
    void theScannerFindsMetricNamesAndNothingElse() {
        assertEquals(Set.of("a_total", "b", "c"), Monitoring.metricNames(
                "sum by (job) (rate(a_total{x=\"y\", le=\"0.5\"}[5m])) / on (job) group_left (pod) b "
                        + "unless c offset 15m > bool 0.05"));
        assertEquals(Set.of("http_server_requests_seconds_count"), Monitoring.metricNames(
                "sum by (job) (rate(http_server_requests_seconds_count{namespace=\"$namespace\", job=~\"$job\"}"
                        + "[$__rate_interval])) > 1e3"));
        assertEquals(Set.of("x"), Monitoring.metricNames("max without (pod) (x) or vector(0)"));
        assertThrows(IllegalArgumentException.class, () -> Monitoring.metricNames("made_up(x)"));
    }
}
