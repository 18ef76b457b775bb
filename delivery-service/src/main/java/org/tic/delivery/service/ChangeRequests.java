package org.tic.delivery.service;

import jakarta.enterprise.context.RequestScoped;
import org.tic.commons.rules.FieldViolation;
import org.tic.commons.rules.RuleViolation;
import org.tic.commons.security.Caller;
import org.tic.delivery.domain.ChangeQuery;
import org.tic.delivery.domain.Cursor;
import org.tic.delivery.domain.TypeFilter;
import org.tic.delivery.domain.Viewer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** Turns the feed's query parameters and the caller into a query, or a problem+json that names what is wrong. */
@RequestScoped
public class ChangeRequests {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_WAIT_SECONDS = 30;
    public static final int MAX_IDS = 100;

    private final Caller caller;

    public ChangeRequests(Caller caller) {
        this.caller = caller;
    }

    public ChangeQuery query(String after, List<String> types, List<String> clusters, List<String> projects, Integer limit) {
        long afterSeq = 0;
        if (after != null && !after.isBlank()) {
            OptionalLong seq = Cursor.parse(after.trim());
            if (seq.isEmpty()) {
                throw RuleViolation.invalid("after", "is not a cursor of this feed (use a change's cursor or a page's next)");
            }
            afterSeq = seq.getAsLong();
        }
        TypeFilter.Parsed parsed = TypeFilter.parse(types);
        if (!parsed.valid()) {
            throw new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "unknown-event-types", "Unknown event types",
                    String.join("; ", parsed.problems()),
                    parsed.problems().stream().map(p -> new FieldViolation("types", p)).toList(), null);
        }
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw RuleViolation.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new ChangeQuery(afterSeq, parsed, ids("clusters", clusters), ids("projects", projects), viewer(), n);
    }

    public Duration waitFor(Integer seconds) {
        if (seconds == null) {
            return Duration.ZERO;
        }
        if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
            throw RuleViolation.invalid("wait", "must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    private Viewer viewer() {
        if (caller.isAnonymous()) {
            return Viewer.ANONYMOUS;
        }
        return new Viewer(caller.isSecretariat(), caller.clusters(), caller.actor());
    }

    private static Set<UUID> ids(String field, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            for (String p : v.split(",")) {
                if (!p.isBlank()) {
                    parts.add(p.trim());
                }
            }
        }
        if (parts.size() > MAX_IDS) {
            throw new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "too-many-filters", "Too many filters",
                    field + ": at most " + MAX_IDS + " ids, not " + parts.size(),
                    List.of(new FieldViolation(field, "at most " + MAX_IDS + " ids")), null);
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String p : parts) {
            try {
                ids.add(UUID.fromString(p));
            } catch (IllegalArgumentException e) {
                throw RuleViolation.invalid(field, "'" + (p.length() > 40 ? p.substring(0, 40) + "..." : p) + "' is not an id");
            }
        }
        return ids;
    }
}
