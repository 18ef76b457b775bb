package org.tic.project.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The network as GeoJSON (RFC 7946): each located cluster a Point, each corridor a LineString from its origin to its
 * destination cluster. Coordinates are [longitude, latitude]. A corridor end that was merged away is drawn at the
 * cluster that carries it on (its successor); a corridor with an end that has no location is left out, as are
 * clusters in a status not asked for.
 */
public final class NetworkMap {

    /** The statuses shown unless the caller asks for others: the network as it stands (no merged or withdrawn ones). */
    public static final Set<String> DEFAULT_STATUSES = Set.of("APPLICANT", "SIGNATORY", "SUSPENDED");

    public record Place(UUID id, String slug, String name, String country, String type, String status,
                        Integer joinedYear, Double latitude, Double longitude) {
        boolean located() {
            return latitude != null && longitude != null;
        }
    }

    /** A corridor; the ends are the clusters that carry the origin and destination today. */
    public record Corridor(UUID projectId, String name, String category, String stage, UUID originId, UUID destinationId,
                           List<String> countries, String commodity, String transportMode) {

        public Corridor(UUID projectId, String name, String category, String stage, UUID originId, UUID destinationId,
                        List<String> countries) {
            this(projectId, name, category, stage, originId, destinationId, countries, null, null);
        }
    }

    private NetworkMap() {
    }

    public static Map<String, Object> featureCollection(List<Place> places, List<Corridor> corridors, Set<String> statuses) {
        Map<UUID, Place> byId = new LinkedHashMap<>();
        places.forEach(p -> byId.put(p.id(), p));
        List<Map<String, Object>> features = new ArrayList<>();
        for (Place p : places) {
            if (p.located() && statuses.contains(p.status())) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("kind", "cluster");
                properties.put("slug", p.slug());
                properties.put("name", p.name());
                properties.put("country", p.country());
                properties.put("type", p.type());
                properties.put("status", p.status());
                properties.put("joinedYear", p.joinedYear());
                features.add(feature(p.id().toString(), geometry("Point", position(p)), properties));
            }
        }
        for (Corridor c : corridors) {
            Place origin = byId.get(c.originId());
            Place destination = byId.get(c.destinationId());
            if (origin == null || destination == null || !origin.located() || !destination.located()
                    || origin.id().equals(destination.id())) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("kind", "corridor");
            properties.put("name", c.name());
            properties.put("category", c.category());
            properties.put("stage", c.stage());
            properties.put("originClusterId", origin.id().toString());
            properties.put("originName", origin.name());
            properties.put("destinationClusterId", destination.id().toString());
            properties.put("destinationName", destination.name());
            properties.put("countries", c.countries());
            properties.put("commodity", c.commodity());
            properties.put("transportMode", c.transportMode());
            features.add(feature(c.projectId().toString(), geometry("LineString", List.of(position(origin), position(destination))),
                    properties));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    private static List<Double> position(Place p) {
        return List.of(p.longitude(), p.latitude());
    }

    private static Map<String, Object> geometry(String type, Object coordinates) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("type", type);
        g.put("coordinates", coordinates);
        return g;
    }

    private static Map<String, Object> feature(String id, Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", id);
        f.put("geometry", geometry);
        f.put("properties", properties);
        return f;
    }
}
