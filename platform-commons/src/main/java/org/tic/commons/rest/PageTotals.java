package org.tic.commons.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The total of a list page without an exact {@code count(*)} per page. A page that is not full tells its total
 * exactly (offset + items); otherwise, unless the client asked for {@code count=exact}, the total is the last exact
 * count of the same filter on this replica if it is at most {@code tic.paging.estimate-ttl} old (an estimate: writes
 * since then are not in it), and an exact count (remembered for the next pages) if there is none.
 * So paging through a large filtered list costs one count per filter and interval, not one per page.
 */
@ApplicationScoped
public class PageTotals {

    /** A total and whether it was counted for this request. */
    public record Total(long value, boolean exact) {
    }

    private final Cache<Object, Long> counted;

    public PageTotals(@ConfigProperty(name = "tic.paging.estimate-ttl", defaultValue = "30s") Duration ttl,
                      @ConfigProperty(name = "tic.paging.estimate-filters", defaultValue = "10000") long filters) {
        this.counted = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(filters).build();
    }

    /**
     * @param filter identifies the query (its kind and every filter value; not the page nor the sort)
     * @param items  how many items the page holds
     * @param count  the exact count of the filter
     */
    public Total total(Object filter, PageRequest page, int items, LongSupplier count) {
        if (items > 0 && items < page.size() || items == 0 && page.page() == 0) {
            long exact = page.offset() + items; // the last page: no count needed
            counted.put(filter, exact);
            return new Total(exact, true);
        }
        if (!page.exactTotal() && items == page.size()) { // a page past the end (empty) is counted, not guessed
            Long known = counted.getIfPresent(filter);
            if (known != null) {
                return new Total(Math.max(known, page.offset() + items), false); // never less than this page shows
            }
        }
        long exact = count.getAsLong();
        counted.put(filter, exact);
        return new Total(exact, true);
    }
}
