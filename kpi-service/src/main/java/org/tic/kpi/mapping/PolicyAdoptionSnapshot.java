package org.tic.kpi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.tic.commons.event.EventData;
import org.tic.commons.event.PoisonEventException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The part of membership-service's PolicyAdoption snapshot this service relies on (its AsyncAPI document). Unknown
 * fields are ignored; the cluster and project lists are absent in events written before they existed (empty then).
 */
public record PolicyAdoptionSnapshot(UUID id, String country, String kind, String title, LocalDate adoptedOn,
                                     List<UUID> clusterIds, List<UUID> projectIds, long version) {

    public static PolicyAdoptionSnapshot parse(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new PoisonEventException(where + " is missing or not an object");
        }
        LocalDate adoptedOn = EventData.date(n, "adoptedOn", where);
        if (adoptedOn == null) {
            throw new PoisonEventException(where + ".adoptedOn is missing");
        }
        return new PolicyAdoptionSnapshot(
                EventData.uuid(n, "id", where, true),
                EventData.required(n, "country", where),
                EventData.required(n, "kind", where),
                EventData.required(n, "title", where),
                adoptedOn,
                EventData.uuids(n, "clusterIds", where),
                EventData.uuids(n, "projectIds", where),
                EventData.version(n, where));
    }
}
