package org.tic.commons.rest;

import org.junit.jupiter.api.Test;
import org.tic.commons.rules.RuleViolation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Totals of list pages: counted once per filter and interval, exactly when asked or when the page tells. */
class PageTotalsTest {

    private final PageTotals totals = new PageTotals(Duration.ofMinutes(5), 100);
    private final AtomicInteger counts = new AtomicInteger();

    private LongSupplier counting(long n) {
        return () -> {
            counts.incrementAndGet();
            return n;
        };
    }

    @Test
    void aFullPageIsCountedOnceThenTheNextPagesReuseTheCountAsAnEstimate() {
        assertEquals(new PageTotals.Total(95_000, true), totals.total("f", PageRequest.of(0, 20), 20, counting(95_000)));
        assertEquals(new PageTotals.Total(95_000, false), totals.total("f", PageRequest.of(1, 20), 20, counting(95_001)));
        assertEquals(new PageTotals.Total(95_000, false), totals.total("f", PageRequest.of(7, 20), 20, counting(95_001)));
        assertEquals(1, counts.get());
    }

    @Test
    void countExactAlwaysCountsAndRefreshesTheEstimate() {
        totals.total("f", PageRequest.of(0, 20), 20, counting(100));
        assertEquals(new PageTotals.Total(101, true), totals.total("f", PageRequest.of(0, 20, "exact"), 20, counting(101)));
        assertEquals(new PageTotals.Total(101, false), totals.total("f", PageRequest.of(2, 20), 20, counting(102)));
        assertEquals(2, counts.get());
    }

    @Test
    void filtersDoNotShareCounts() {
        totals.total("a", PageRequest.of(0, 20), 20, counting(100));
        assertEquals(new PageTotals.Total(500, true), totals.total("b", PageRequest.of(0, 20), 20, counting(500)));
        assertEquals(2, counts.get());
    }

    @Test
    void theLastPageTellsItsTotalWithoutCounting() {
        assertEquals(new PageTotals.Total(7, true), totals.total("f", PageRequest.of(0, 20), 7, counting(999)));
        assertEquals(new PageTotals.Total(47, true), totals.total("g", PageRequest.of(2, 20), 7, counting(999)));
        assertEquals(new PageTotals.Total(0, true), totals.total("h", PageRequest.of(0, 20), 0, counting(999)));
        assertEquals(0, counts.get());
    }

    @Test
    void anEstimateIsNeverBelowWhatThePageShows() {
        totals.total("f", PageRequest.of(0, 20), 20, counting(30));
        // rows were added since the count: page 3 is full, so there are at least 80
        assertEquals(new PageTotals.Total(80, false), totals.total("f", PageRequest.of(3, 20), 20, counting(999)));
    }

    @Test
    void aPageBeyondTheEndIsCountedNotGuessed() {
        totals.total("f", PageRequest.of(0, 20), 20, counting(25));
        assertEquals(new PageTotals.Total(30, true), totals.total("f", PageRequest.of(9, 20), 0, counting(30)));
    }

    @Test
    void anUnknownCountModeIsRefused() {
        RuleViolation e = assertThrows(RuleViolation.class, () -> PageRequest.of(0, 20, "approximate"));
        assertEquals(RuleViolation.Kind.INVALID, e.kind());
        assertEquals("count", e.fields().get(0).field());
    }
}
