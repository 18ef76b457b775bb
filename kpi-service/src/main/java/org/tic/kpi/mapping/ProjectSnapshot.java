package org.tic.kpi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.tic.commons.event.PoisonEventException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The part of project-service's Project snapshot this service relies on (docs/events.md). */
public record ProjectSnapshot(UUID id, String name, String category, String stage, LocalDate stageDate,
                              LocalDate fidDate, BigDecimal capacityValue, String capacityUnit, BigDecimal co2eValue,
                              String co2eUnit, String co2eMetricType, UUID leadClusterId,
                              List<UUID> participatingClusterIds, List<String> countries, boolean corridor,
                              long version) {

    public static ProjectSnapshot parse(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new PoisonEventException(where + " is missing or not an object");
        }
        List<UUID> participating = new ArrayList<>();
        for (JsonNode id : n.path("participatingClusterIds")) {
            participating.add(Json.uuidValue(id.asText(), where + ".participatingClusterIds"));
        }
        List<String> countries = new ArrayList<>();
        n.path("countries").forEach(c -> countries.add(c.asText()));
        JsonNode capacity = n.path("capacity");
        JsonNode co2e = n.path("estimatedCo2eReduction");
        return new ProjectSnapshot(
                Json.uuid(n, "id", where, true),
                Json.required(n, "name", where),
                Json.text(n, "category"),
                Json.text(n, "stage"),
                Json.date(n, "stageDate", where),
                Json.date(n, "fidDate", where),
                Json.decimal(capacity, "value", where + ".capacity"),
                Json.text(capacity, "unit"),
                Json.decimal(co2e, "value", where + ".estimatedCo2eReduction"),
                Json.text(co2e, "unit"),
                Json.text(co2e, "metricType"),
                Json.uuid(n, "leadClusterId", where, false),
                participating,
                countries,
                n.path("corridor").asBoolean(false),
                Json.version(n, where));
    }
}
