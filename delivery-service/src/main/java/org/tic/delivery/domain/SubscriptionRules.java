package org.tic.delivery.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a subscription may ask for: a receiver the URL policy allows, known types, bounded filters. */
public final class SubscriptionRules {

    public static final int MAX_IDS = 100;
    public static final int MAX_DESCRIPTION = 200;

    /** One broken rule: the field and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    /** The request's filters, checked, and what is wrong with it (nothing is stored unless the list is empty). */
    public record Checked(TypeFilter.Parsed types, List<Violation> violations) {
    }

    private SubscriptionRules() {
    }

    public static Checked check(String url, List<String> types, List<UUID> clusters, List<UUID> projects, String description,
                                WebhookUrlPolicy urls) {
        List<Violation> v = new ArrayList<>();
        urls.refusal(url).ifPresent(why -> v.add(new Violation("url", why)));
        TypeFilter.Parsed parsed = TypeFilter.parse(types);
        parsed.problems().forEach(p -> v.add(new Violation("types", p)));
        for (Map.Entry<String, List<UUID>> ids : Map.of("clusters", nonNull(clusters), "projects", nonNull(projects)).entrySet()) {
            if (ids.getValue().size() > MAX_IDS) {
                v.add(new Violation(ids.getKey(), "at most " + MAX_IDS + " ids, not " + ids.getValue().size()));
            }
            if (ids.getValue().stream().anyMatch(java.util.Objects::isNull)) {
                v.add(new Violation(ids.getKey(), "must not contain null"));
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            v.add(new Violation("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        return new Checked(parsed, List.copyOf(v));
    }

    private static List<UUID> nonNull(List<UUID> ids) {
        return ids == null ? List.of() : ids;
    }
}
