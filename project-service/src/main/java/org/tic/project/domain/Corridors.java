package org.tic.project.domain;

import org.tic.commons.rules.RuleViolation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Derives a project's countries and whether it is a corridor: a project spanning two or more clusters in two or
 * more countries. A corridor runs from an origin to a destination cluster; unless given, the origin is the lead
 * cluster and the destination the last participating cluster in another country (e.g. Algeciras → Rotterdam).
 */
public final class Corridors {

    /** A cluster as far as geography goes. */
    public record Place(UUID clusterId, String country) {
    }

    public record Layout(List<String> countries, boolean corridor, UUID originClusterId, UUID destinationClusterId) {
    }

    private Corridors() {
    }

    /**
     * @param places lead first, then participating clusters in their order
     */
    public static Layout layout(List<Place> places, UUID requestedOrigin, UUID requestedDestination) {
        return layout(places, requestedOrigin, requestedDestination, null, null);
    }

    /** As {@link #layout(List, UUID, UUID)}; a commodity or transport mode, like the ends, is for corridors only. */
    public static Layout layout(List<Place> places, UUID requestedOrigin, UUID requestedDestination,
                                CorridorCommodity commodity, TransportMode mode) {
        Set<String> countries = new LinkedHashSet<>();
        Set<UUID> clusters = new LinkedHashSet<>();
        for (Place p : places) {
            clusters.add(p.clusterId());
            if (p.country() != null) {
                countries.add(p.country());
            }
        }
        boolean corridor = clusters.size() >= 2 && countries.size() >= 2;
        if (!corridor) {
            if (requestedOrigin != null || requestedDestination != null || commodity != null || mode != null) {
                throw RuleViolation.unprocessable("not-a-corridor", "Not a corridor", "originClusterId, destinationClusterId, "
                        + "corridorCommodity and corridorTransportMode are only for corridors: projects spanning two or more "
                        + "clusters in two or more countries");
            }
            return new Layout(new ArrayList<>(countries), false, null, null);
        }
        for (UUID requested : new UUID[]{requestedOrigin, requestedDestination}) {
            if (requested != null && !clusters.contains(requested)) {
                throw RuleViolation.unprocessable("corridor-end-not-in-project", "Corridor end not in the project",
                        "Cluster " + requested + " is neither the lead nor a participating cluster of this project",
                        Map.of("clusterId", requested.toString()));
            }
        }
        UUID origin = requestedOrigin != null ? requestedOrigin : places.get(0).clusterId();
        String originCountry = countryOf(places, origin);
        UUID destination = requestedDestination;
        if (destination == null) {
            for (int i = places.size() - 1; i >= 0; i--) {
                Place p = places.get(i);
                if (!p.clusterId().equals(origin) && p.country() != null && !p.country().equals(originCountry)) {
                    destination = p.clusterId();
                    break;
                }
            }
        }
        if (destination == null || destination.equals(origin)) {
            throw RuleViolation.unprocessable("corridor-ends-identical", "Corridor ends identical",
                    "A corridor's origin and destination must be different clusters");
        }
        return new Layout(new ArrayList<>(countries), true, origin, destination);
    }

    private static String countryOf(List<Place> places, UUID id) {
        return places.stream().filter(p -> p.clusterId().equals(id)).map(Place::country).findFirst().orElse(null);
    }
}
