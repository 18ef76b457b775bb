package org.tic.commons.rest;

import org.tic.commons.rules.FieldViolation;
import org.tic.commons.rules.RuleViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated page request: {@code page} from 0, {@code size} from 1 to {@link #MAX_SIZE}; {@code exactTotal} when the
 * client asked for {@code count=exact} (otherwise the page's total may be an estimate, see {@link PageTotals}).
 */
public record PageRequest(int page, int size, boolean exactTotal) {

    /** The {@code count} query parameter's values. */
    public static final String COUNT_EXACT = "exact";
    public static final String COUNT_ESTIMATED = "estimated";
    /** For the list endpoints' OpenAPI documentation of {@code count}. */
    public static final String COUNT_DESCRIPTION = "How totalItems is computed: estimated (default; exact when this "
            + "page is the last one, otherwise possibly the count of the same filter from up to 30 s ago, see "
            + "totalItemsExact) or exact (counted for this request; slower on large lists)";

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        return of(page, size, null);
    }

    public static PageRequest of(Integer page, Integer size, String count) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        List<FieldViolation> violations = new ArrayList<>();
        if (p < 0) {
            violations.add(new FieldViolation("page", "must be 0 or greater"));
        }
        if (p > 1_000_000) {
            violations.add(new FieldViolation("page", "must be at most 1000000"));
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        boolean exact = COUNT_EXACT.equals(count);
        if (count != null && !exact && !COUNT_ESTIMATED.equals(count)) {
            violations.add(new FieldViolation("count", "must be exact or estimated"));
        }
        if (!violations.isEmpty()) {
            throw RuleViolation.invalid(violations);
        }
        return new PageRequest(p, s, exact);
    }

    public int offset() {
        return page * size;
    }
}
