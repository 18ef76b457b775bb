package org.tic.delivery.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Who reads the feed, as far as its rights go: the secretariat reads everything, a coordinator also the restricted
 * changes of its clusters, anyone the changes it caused and every public change.
 */
public record Viewer(boolean secretariat, Set<UUID> clusters, String subject) {

    public static final Viewer ANONYMOUS = new Viewer(false, Set.of(), null);

    public Viewer {
        clusters = Set.copyOf(clusters);
    }

    public boolean mayRead(Audience audience, Set<UUID> audienceClusters, String actor) {
        return switch (audience) {
            case PUBLIC -> true;
            case CLUSTERS -> secretariat || audienceClusters.stream().anyMatch(clusters::contains);
            case ACTOR -> secretariat || (subject != null && subject.equals(actor));
        };
    }
}
