package org.tic.delivery.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code types} a partner asks for: exact types ({@code tic.membership.cluster.joined.v1}), types without
 * version ({@code tic.membership.cluster.joined}, every version) or prefixes ({@code tic.project.*}, expanded to the
 * base types they match). Anything that matches no published type is refused by name.
 */
public final class TypeFilter {

    public static final int MAX_ENTRIES = 50;
    public static final int MAX_ENTRY_LENGTH = 200;

    /**
     * @param types     exact (versioned) types asked for
     * @param baseTypes base types asked for (any version); both empty when no filter was given (every type)
     * @param problems  empty when valid
     */
    public record Parsed(Set<String> types, Set<String> baseTypes, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }

        public boolean all() {
            return types.isEmpty() && baseTypes.isEmpty();
        }
    }

    private TypeFilter() {
    }

    public static Parsed parse(List<String> entries) {
        List<String> problems = new ArrayList<>();
        Set<String> exact = new TreeSet<>();
        Set<String> matched = new TreeSet<>();
        List<String> cleaned = new ArrayList<>();
        for (String raw : entries == null ? List.<String>of() : entries) {
            for (String part : raw.split(",")) {
                String t = part.trim();
                if (!t.isEmpty()) {
                    cleaned.add(t);
                }
            }
        }
        if (cleaned.size() > MAX_ENTRIES) {
            return new Parsed(Set.of(), Set.of(), List.of("at most " + MAX_ENTRIES + " types, not " + cleaned.size()));
        }
        for (String t : cleaned) {
            if (t.length() > MAX_ENTRY_LENGTH) {
                problems.add("'" + t.substring(0, 40) + "...' is longer than " + MAX_ENTRY_LENGTH + " characters");
                continue;
            }
            if (EventCatalog.TYPES.contains(t)) {
                exact.add(t);
                continue;
            }
            Set<String> hits = matches(t);
            if (hits.isEmpty()) {
                problems.add("'" + t + "' is not an event type published here (see EventCatalog / the AsyncAPI documents); "
                        + "use an exact type, a type without its version, or a prefix such as tic.project.*");
            }
            matched.addAll(hits);
        }
        return problems.isEmpty() ? new Parsed(Set.copyOf(exact), Set.copyOf(matched), List.of())
                : new Parsed(Set.of(), Set.of(), List.copyOf(problems));
    }

    private static Set<String> matches(String t) {
        Set<String> out = new TreeSet<>();
        if (t.endsWith(".*")) {
            String prefix = t.substring(0, t.length() - 1);
            if (prefix.startsWith("tic.") && prefix.length() > "tic.".length()) {
                EventCatalog.BASE_TYPES.stream().filter(b -> b.startsWith(prefix)).forEach(out::add);
            }
        } else if (EventCatalog.BASE_TYPES.contains(t)) {
            out.add(t);
        }
        return out;
    }
}
