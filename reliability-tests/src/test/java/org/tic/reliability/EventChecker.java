package org.tic.reliability;

import org.tic.reliability.TopicReader.Event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the broker holds against what the acknowledged writes promise: every expected event present (deduplicated by
 * ce_id: at-least-once is allowed), no logical event published under two ids (a consumer deduplicating by ce_id would
 * apply it twice), and per aggregate the snapshot versions never go back in topic order.
 */
public final class EventChecker {

    /** An event an acknowledged write must have produced; version -1 = any, dataContains null = anything. */
    public record Expected(String writeId, String type, String subject, long version, String dataContains) {
    }

    public record Report(int expected, int matched, List<Expected> missing, Map<String, int[]> byType, int recordsRead,
                         int distinctIds, int redeliveries, List<String> publishedTwice, List<String> orderViolations,
                         Map<String, Long> lastVersionBySubject) {

        public boolean ok() {
            return missing.isEmpty() && publishedTwice.isEmpty() && orderViolations.isEmpty();
        }
    }

    private EventChecker() {
    }

    /**
     * @param subjects the aggregates whose order and duplicates are checked (null = every subject with versions)
     */
    public static Report check(Collection<Expected> expected, List<Event> events, Set<String> subjects) {
        // Records in topic order; the first occurrence of a ce_id is what a deduplicating consumer applies.
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(Event::topic).thenComparingInt(Event::partition).thenComparingLong(Event::offset));
        Map<String, Event> firstById = new LinkedHashMap<>();
        for (Event e : ordered) {
            firstById.putIfAbsent(e.id() == null ? e.topic() + "/" + e.partition() + "@" + e.offset() : e.id(), e);
        }
        Map<String, List<Event>> bySubject = new HashMap<>();
        for (Event e : firstById.values()) {
            bySubject.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e);
        }

        List<Expected> missing = new ArrayList<>();
        Map<String, int[]> byType = new TreeMap<>();
        int matched = 0;
        for (Expected x : expected) {
            byType.computeIfAbsent(shortType(x.type()), k -> new int[2])[0]++;
            boolean found = false;
            for (Event e : bySubject.getOrDefault(x.subject(), List.of())) {
                if (e.type() != null && e.type().equals(x.type()) && (x.version() < 0 || e.version() == x.version())
                        && (x.dataContains() == null || (e.data() != null && e.data().contains(x.dataContains())))) {
                    found = true;
                    break;
                }
            }
            if (found) {
                matched++;
            } else {
                missing.add(x);
            }
        }
        Set<String> relevant = subjects != null ? subjects : bySubject.keySet();
        for (String s : relevant) {
            for (Event e : bySubject.getOrDefault(s, List.of())) {
                byType.computeIfAbsent(shortType(e.type()), k -> new int[2])[1]++;
            }
        }

        // The same logical event under two ids: same type, subject and data.
        List<String> publishedTwice = new ArrayList<>();
        Map<String, String> idByContent = new HashMap<>();
        for (Event e : firstById.values()) {
            if (!relevant.contains(e.subject())) {
                continue;
            }
            String key = e.type() + "|" + e.subject() + "|" + e.data();
            String previous = idByContent.putIfAbsent(key, e.id());
            if (previous != null) {
                publishedTwice.add(shortType(e.type()) + " of " + e.subject() + " v" + e.version() + " under ids " + previous
                        + " and " + e.id());
            }
        }

        List<String> orderViolations = new ArrayList<>();
        Map<String, Long> last = new HashMap<>();
        for (String s : relevant) {
            long previous = -1;
            Event previousEvent = null;
            for (Event e : bySubject.getOrDefault(s, List.of())) {
                if (e.version() < 0) {
                    continue;
                }
                if (e.version() < previous) {
                    orderViolations.add(s + ": " + shortType(e.type()) + " v" + e.version() + " at " + e.topic() + "/"
                            + e.partition() + "@" + e.offset() + " after " + shortType(previousEvent.type()) + " v" + previous
                            + " at offset " + previousEvent.offset());
                }
                if (e.version() >= previous) {
                    previous = e.version();
                    previousEvent = e;
                }
            }
            if (previous >= 0) {
                last.put(s, previous);
            }
        }
        Set<String> distinct = new HashSet<>(firstById.keySet());
        return new Report(expected.size(), matched, missing, byType, events.size(), distinct.size(),
                events.size() - distinct.size(), publishedTwice, orderViolations, last);
    }

    static String shortType(String type) {
        return type == null ? "(no ce_type)" : type.replaceFirst("^tic\\.", "");
    }
}
