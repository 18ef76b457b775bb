package org.tic.project.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetworkMapTest {

    private final NetworkMap.Place algeciras = place("Algeciras", "ES", "SIGNATORY", 36.13, -5.45);
    private final NetworkMap.Place rotterdam = place("Rotterdam", "NL", "SIGNATORY", 51.95, 4.14);
    private final NetworkMap.Place nowhere = place("Somewhere", "DE", "APPLICANT", null, null);
    private final NetworkMap.Place withdrawn = place("Gone", "FR", "WITHDRAWN", 48.0, 2.0);

    @Test
    void clustersArePointsInLongitudeLatitudeOrderAndOnlyLocatedOnesInTheAskedStatuses() {
        var map = NetworkMap.featureCollection(List.of(algeciras, rotterdam, nowhere, withdrawn), List.of(), NetworkMap.DEFAULT_STATUSES);
        assertEquals("FeatureCollection", map.get("type"));
        List<Map<String, Object>> features = features(map);
        assertEquals(2, features.size());
        Map<String, Object> first = features.get(0);
        assertEquals(algeciras.id().toString(), first.get("id"));
        assertEquals(Map.of("type", "Point", "coordinates", List.of(-5.45, 36.13)), first.get("geometry"));
        assertEquals("SIGNATORY", ((Map<?, ?>) first.get("properties")).get("status"));

        var withGone = NetworkMap.featureCollection(List.of(withdrawn), List.of(), java.util.Set.of("WITHDRAWN"));
        assertEquals(1, features(withGone).size(), "asked for: shown");
    }

    @Test
    void aCorridorIsALineFromOriginToDestinationAndIsLeftOutWhenAnEndHasNoLocation() {
        var corridor = new NetworkMap.Corridor(UUID.randomUUID(), "Algeciras – Rotterdam", "HYDROGEN_AND_DERIVATIVES",
                "FEED", algeciras.id(), rotterdam.id(), List.of("ES", "NL"), "HYDROGEN", "SHIP");
        var unlocated = new NetworkMap.Corridor(UUID.randomUUID(), "To nowhere", "CO2_TRANSPORT_STORAGE", "CONCEPT",
                algeciras.id(), nowhere.id(), List.of("ES", "DE"));
        var map = NetworkMap.featureCollection(List.of(algeciras, rotterdam, nowhere), List.of(corridor, unlocated),
                NetworkMap.DEFAULT_STATUSES);
        List<Map<String, Object>> lines = features(map).stream()
                .filter(f -> "corridor".equals(((Map<?, ?>) f.get("properties")).get("kind"))).toList();
        assertEquals(1, lines.size());
        assertEquals(Map.of("type", "LineString", "coordinates", List.of(List.of(-5.45, 36.13), List.of(4.14, 51.95))),
                lines.get(0).get("geometry"));
        assertEquals(rotterdam.id().toString(), ((Map<?, ?>) lines.get(0).get("properties")).get("destinationClusterId"));
        assertEquals("HYDROGEN", ((Map<?, ?>) lines.get(0).get("properties")).get("commodity"));
        assertEquals("SHIP", ((Map<?, ?>) lines.get(0).get("properties")).get("transportMode"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> features(Map<String, Object> map) {
        return (List<Map<String, Object>>) map.get("features");
    }

    private static NetworkMap.Place place(String name, String country, String status, Double lat, Double lon) {
        return new NetworkMap.Place(UUID.randomUUID(), name.toLowerCase(), name, country, "PORT", status, 2024, lat, lon);
    }
}
