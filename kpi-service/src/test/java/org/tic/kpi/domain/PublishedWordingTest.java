package org.tic.kpi.domain;

import org.junit.jupiter.api.Test;
import org.tic.kpi.service.PublishedSnapshotLoaderAccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PublishedWordingTest {

    @Test
    void thePublicationsWordingIsReadAsAMetricType() {
        assertEquals("EMITTED", PublishedSnapshotLoaderAccess.co2eMetricType("annual emissions (not a reduction)"));
        assertEquals("POTENTIAL_REDUCTION", PublishedSnapshotLoaderAccess.co2eMetricType("potential reduction (\"could save\")"));
        assertEquals("POTENTIAL_REDUCTION", PublishedSnapshotLoaderAccess.co2eMetricType(
                "reduction profile (collective CO2 emissions reduction)"));
        assertNull(PublishedSnapshotLoaderAccess.co2eMetricType("carbon intensity"));
        assertNull(PublishedSnapshotLoaderAccess.co2eMetricType(null));
    }
}
