package org.tic.kpi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.tic.commons.event.PoisonEventException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The part of membership-service's Cluster snapshot this service relies on (docs/events.md). Unknown fields
 * are ignored, so membership can add fields without breaking this consumer.
 */
public record ClusterSnapshot(UUID id, String slug, String name, String country, String subnationalRegion,
                              String worldRegion, String type, List<String> sectors, String status,
                              LocalDate joinedDate, Integer joinedYear, UUID successorId, long version) {

    public static ClusterSnapshot parse(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new PoisonEventException(where + " is missing or not an object");
        }
        List<String> sectors = new ArrayList<>();
        n.path("sectors").forEach(s -> sectors.add(s.asText()));
        return new ClusterSnapshot(
                Json.uuid(n, "id", where, true),
                Json.text(n, "slug"),
                Json.required(n, "name", where),
                Json.text(n, "country"),
                Json.text(n, "subnationalRegion"),
                Json.text(n, "worldRegion"),
                Json.text(n, "type"),
                sectors,
                Json.required(n, "status", where),
                Json.date(n, "joinedDate", where),
                n.hasNonNull("joinedYear") ? n.get("joinedYear").asInt() : null,
                Json.uuid(n, "successorId", where, false),
                Json.version(n, where));
    }
}
