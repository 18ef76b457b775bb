package org.tic.project.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.tic.project.domain.Project;
import org.tic.project.domain.Stage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The project snapshot carried by every project event: exactly the subset of the REST representation that
 * docs/events.md promises consumers, with the version they compare before upserting.
 */
@JsonPropertyOrder({"id", "name", "category", "leadClusterId", "participatingClusterIds", "countries", "stage",
        "stageDate", "fidDate", "capacity", "estimatedCo2eReduction", "corridor", "corridorCommodity",
        "corridorTransportMode", "version", "createdAt", "updatedAt"})
public record ProjectSnapshot(
        UUID id,
        String name,
        String category,
        UUID leadClusterId,
        List<UUID> participatingClusterIds,
        List<String> countries,
        Stage stage,
        LocalDate stageDate,
        LocalDate fidDate,
        Quantity capacity,
        Co2e estimatedCo2eReduction,
        boolean corridor,
        String corridorCommodity,
        String corridorTransportMode,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public record Quantity(BigDecimal value, String unit) {
    }

    public record Co2e(BigDecimal value, String unit, String metricType) {
    }

    public static ProjectSnapshot of(Project p) {
        Quantity capacity = p.capacity == null || p.capacity.value == null ? null
                : new Quantity(p.capacity.value, p.capacity.unit.name());
        Co2e co2e = p.estimatedCo2eReduction == null || p.estimatedCo2eReduction.value == null ? null
                : new Co2e(p.estimatedCo2eReduction.value, p.estimatedCo2eReduction.unit.name(),
                p.estimatedCo2eReduction.metricType.name());
        return new ProjectSnapshot(p.id, p.name, p.category.name(), p.leadClusterId, List.copyOf(p.participatingClusterIds),
                List.copyOf(p.countries), p.stage, p.stageDate, p.fidDate, capacity, co2e, p.corridor,
                p.corridorCommodity == null ? null : p.corridorCommodity.name(),
                p.corridorTransportMode == null ? null : p.corridorTransportMode.name(), p.version,
                p.createdAt, p.updatedAt);
    }
}
