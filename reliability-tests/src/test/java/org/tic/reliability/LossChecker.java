package org.tic.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Jepsen's question through the APIs: is every acknowledged write readable back? Also: did a write the client was told
 * failed (4xx, 503, refused) land anyway, and what became of the writes whose outcome the client could not know?
 */
public final class LossChecker {

    public record Report(int acknowledged, int verified, List<String> lost, int indeterminate, int indeterminateLanded,
                         int failedChecked, List<String> phantoms) {
        public boolean ok() {
            return lost.isEmpty() && phantoms.isEmpty();
        }
    }

    private LossChecker() {
    }

    /**
     * @param fetch GET of a URL (cached by the caller if it likes); a result with status 200 and a JSON or text body
     * @param maxFailedProbes how many definitely-failed writes to probe for phantom landings (each costs a GET)
     */
    public static Report check(List<Write> writes, Function<String, Http.Result> fetch, int maxFailedProbes) {
        Map<String, Http.Result> cache = new HashMap<>();
        Function<String, Http.Result> get = url -> cache.computeIfAbsent(url, fetch);
        List<String> lost = new ArrayList<>();
        List<String> phantoms = new ArrayList<>();
        int acknowledged = 0;
        int verified = 0;
        int indeterminate = 0;
        int indeterminateLanded = 0;
        int failedChecked = 0;

        // Resource writes (CREATE/UPDATE) by resource, in issue order: one worker owns a resource, so that is commit order.
        Map<String, List<Write>> byResource = writes.stream()
                .filter(w -> w.kind() != Write.Kind.APPEND && w.url() != null)
                .sorted(Comparator.comparingLong(Write::seq))
                .collect(Collectors.groupingBy(Write::url, java.util.LinkedHashMap::new, Collectors.toList()));

        for (Write w : writes) {
            if (w.acked()) {
                acknowledged++;
                String problem = switch (w.kind()) {
                    case APPEND -> appendMissing(w, get);
                    case CREATE, UPDATE -> resourceMissing(w, get, byResource.get(w.url()));
                };
                if (problem == null) {
                    verified++;
                } else {
                    lost.add("#" + w.seq() + " " + w.op() + " [" + w.phase() + "] " + problem);
                }
            } else if (w.outcome().indeterminate()) {
                indeterminate++;
                if (landed(w, get)) {
                    indeterminateLanded++;
                }
            } else if (w.outcome().definitelyNotApplied() && failedChecked < maxFailedProbes && w.marker() != null
                    && (w.kind() == Write.Kind.APPEND || w.searchUrl() != null)) {
                failedChecked++;
                if (landed(w, get)) {
                    phantoms.add("#" + w.seq() + " " + w.op() + " answered " + (w.status() == 0 ? w.outcome() : w.status())
                            + " [" + w.phase() + "] but its marker " + w.marker() + " is there");
                }
            }
        }
        return new Report(acknowledged, verified, lost, indeterminate, indeterminateLanded, failedChecked, phantoms);
    }

    private static boolean landed(Write w, Function<String, Http.Result> get) {
        if (w.marker() == null) {
            return false;
        }
        String url = w.kind() == Write.Kind.APPEND ? w.url() : w.searchUrl() != null ? w.searchUrl() : w.url();
        if (url == null) {
            return false;
        }
        Http.Result r = get.apply(url);
        return r.status() == 200 && r.body() != null && r.body().contains(w.marker());
    }

    private static String appendMissing(Write w, Function<String, Http.Result> get) {
        Http.Result r = get.apply(w.url());
        if (r.status() != 200) {
            return "read-back " + w.url() + " answered " + r.brief();
        }
        return r.body() != null && r.body().contains(w.marker()) ? null : w.url() + " does not contain " + w.marker();
    }

    private static String resourceMissing(Write w, Function<String, Http.Result> get, List<Write> history) {
        Http.Result r = get.apply(w.url());
        if (r.status() != 200) {
            return "read-back " + w.url() + " answered " + r.brief();
        }
        JsonNode body = r.json();
        long version = body.path("version").isNumber() ? body.path("version").asLong() : body.path("revision").asLong(-1);
        if (w.version() >= 0 && version >= 0 && version < w.version()) {
            return w.url() + " is at version " + version + " but the write was acknowledged as version " + w.version();
        }
        // The last acknowledged write of the resource must be its content, unless a later write of unknown outcome
        // may have replaced it.
        Write lastAck = null;
        for (Write h : history) {
            if (h.acked()) {
                lastAck = h;
            }
        }
        if (lastAck == w && w.marker() != null) {
            Set<String> allowed = new LinkedHashSet<>();
            allowed.add(w.marker());
            for (Write h : history) {
                if (h.seq() > w.seq() && h.outcome().indeterminate() && h.marker() != null) {
                    allowed.add(h.marker());
                }
            }
            String text = r.body();
            if (allowed.stream().noneMatch(text::contains)) {
                return w.url() + " holds none of " + allowed + " (the last acknowledged write's content)";
            }
        }
        return null;
    }
}
