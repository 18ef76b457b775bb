package org.tic.commons.rest;

import io.quarkus.panache.common.Sort;
import org.tic.commons.rules.RuleViolation;

import java.util.Map;

/**
 * Parses {@code sort=name,-joinedDate} against an allow-list of API field names → entity properties.
 * A final tie-breaker on the id keeps pages stable.
 */
public final class SortSpec {

    private SortSpec() {
    }

    public static Sort parse(String sort, Map<String, String> allowed, String defaultSort, String idProperty) {
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        Sort result = null;
        for (String raw : spec.split(",")) {
            String token = raw.trim();
            if (token.isEmpty()) {
                continue;
            }
            boolean descending = token.startsWith("-");
            String field = descending || token.startsWith("+") ? token.substring(1) : token;
            String property = allowed.get(field);
            if (property == null) {
                throw RuleViolation.invalid("sort", "unknown sort field '" + truncate(field)
                        + "'; allowed: " + String.join(", ", allowed.keySet()) + " (prefix - for descending)");
            }
            Sort.Direction dir = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            // Unknown values (nulls) sort last in both directions: a reader wants the known ones first.
            result = result == null ? Sort.by(property, dir, Sort.NullPrecedence.NULLS_LAST)
                    : result.and(property, dir, Sort.NullPrecedence.NULLS_LAST);
        }
        if (result == null) {
            result = Sort.by(idProperty);
        } else {
            result = result.and(idProperty);
        }
        return result;
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
