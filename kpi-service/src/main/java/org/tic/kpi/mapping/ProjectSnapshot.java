package org.tic.kpi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.tic.commons.event.EventData;
import org.tic.commons.event.PoisonEventException;

import java.math.BigDecimal;
import java.time.LocalDate;
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
        JsonNode capacity = n.path("capacity");
        JsonNode co2e = n.path("estimatedCo2eReduction");
        return new ProjectSnapshot(
                EventData.uuid(n, "id", where, true),
                EventData.required(n, "name", where),
                EventData.text(n, "category", where),
                EventData.text(n, "stage", where),
                EventData.date(n, "stageDate", where),
                EventData.date(n, "fidDate", where),
                EventData.decimal(capacity, "value", where + ".capacity"),
                EventData.text(capacity, "unit", where + ".capacity"),
                EventData.decimal(co2e, "value", where + ".estimatedCo2eReduction"),
                EventData.text(co2e, "unit", where + ".estimatedCo2eReduction"),
                EventData.text(co2e, "metricType", where + ".estimatedCo2eReduction"),
                EventData.uuid(n, "leadClusterId", where, false),
                EventData.uuids(n, "participatingClusterIds", where),
                EventData.strings(n, "countries", where),
                n.path("corridor").asBoolean(false),
                EventData.version(n, where));
    }
}
