package org.tic.kpi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.tic.commons.event.EventData;
import org.tic.commons.event.PoisonEventException;

import java.time.LocalDate;
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
        return new ClusterSnapshot(
                EventData.uuid(n, "id", where, true),
                EventData.text(n, "slug", where),
                EventData.required(n, "name", where),
                EventData.text(n, "country", where),
                EventData.text(n, "subnationalRegion", where),
                EventData.text(n, "worldRegion", where),
                EventData.text(n, "type", where),
                EventData.strings(n, "sectors", where),
                EventData.required(n, "status", where),
                EventData.date(n, "joinedDate", where),
                EventData.integer(n, "joinedYear", where),
                EventData.uuid(n, "successorId", where, false),
                EventData.version(n, where));
    }
}
