package org.tic.commons.rest;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeprecationHeadersTest {

    @Sunset(deprecatedOn = "2026-12-01", removedAfter = "2027-06-30")
    void deprecated() {
    }

    @Sunset(deprecatedOn = "2026-12-01", removedAfter = "2027-01-31")
    void tooSoon() {
    }

    @Test
    void deprecationIsAnEpochDateAndSunsetAnHttpDate() throws Exception {
        Map<String, String> h = DeprecationHeaders.of(getClass().getDeclaredMethod("deprecated").getAnnotation(Sunset.class));
        assertEquals("@1796083200", h.get("Deprecation")); // 2026-12-01T00:00Z
        assertEquals("Wed, 30 Jun 2027 00:00:00 GMT", h.get("Sunset"));
        assertTrue(h.get("Link").endsWith("; rel=\"deprecation\"; type=\"text/html\""), h.get("Link"));
    }

    @Test
    void lessThanSixMonthsNoticeIsRefused() throws Exception {
        Sunset sunset = getClass().getDeclaredMethod("tooSoon").getAnnotation(Sunset.class);
        assertThrows(IllegalArgumentException.class, () -> DeprecationHeaders.of(sunset));
    }
}
