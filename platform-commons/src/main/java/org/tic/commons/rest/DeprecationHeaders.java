package org.tic.commons.rest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The response headers of a {@link Sunset} operation; refuses a sunset sooner than the policy's six months. */
public final class DeprecationHeaders {

    static final Duration MINIMUM_NOTICE = Duration.ofDays(182);

    private DeprecationHeaders() {
    }

    public static Map<String, String> of(Sunset sunset) {
        LocalDate deprecated = LocalDate.parse(sunset.deprecatedOn());
        LocalDate removed = LocalDate.parse(sunset.removedAfter());
        if (Duration.between(deprecated.atStartOfDay(), removed.atStartOfDay()).compareTo(MINIMUM_NOTICE) < 0) {
            throw new IllegalArgumentException("A sunset needs at least six months' notice: " + deprecated + " → " + removed);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Deprecation", "@" + deprecated.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        headers.put("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(removed.atStartOfDay(ZoneOffset.UTC)));
        headers.put("Link", "<" + sunset.link() + ">; rel=\"deprecation\"; type=\"text/html\"");
        return headers;
    }
}
