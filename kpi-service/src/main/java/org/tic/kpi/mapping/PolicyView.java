package org.tic.kpi.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.kpi.domain.PolicyLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The policy level on a date: countries that adopted the framework, from membership's policy adoptions. */
@Schema(name = "PolicyLevel")
public record PolicyView(
        @Schema(description = "Countries that had adopted the framework (TIC_FRAMEWORK or NATIONAL_AGENDA) by asOf") int adoptingCountries,
        @Schema(example = "[\"MY\"]") List<String> adoptingCountryCodes,
        @Schema(description = "Adoptions of any kind (related policies too) dated on or before asOf") int adoptions) {

    public static PolicyView of(PolicyLevel.OnDate level) {
        return new PolicyView(level.adoptingCountries().size(), level.adoptingCountries(), level.adoptions());
    }

    @Schema(name = "CountryPolicy")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CountryView(
            @Schema(description = "The country had adopted the framework by asOf") boolean adopted,
            @Schema(description = "Its first adoption of the framework", example = "2025-06-01") LocalDate adoptedSince,
            List<AdoptionView> adoptions) {

        public static CountryView of(PolicyLevel.Country c) {
            return new CountryView(c.adopted(), c.adoptedSince(), c.adoptions().stream().map(AdoptionView::of).toList());
        }

        public static CountryView none() {
            return new CountryView(false, null, List.of());
        }
    }

    @Schema(name = "PolicyAdoptionRef")
    public record AdoptionView(UUID id, @Schema(example = "TIC_FRAMEWORK") String kind,
                               @Schema(example = "Transitioning Industrial Clusters as a national agenda") String title,
                               LocalDate adoptedOn, List<UUID> clusterIds, List<UUID> projectIds) {

        static AdoptionView of(PolicyLevel.Adoption a) {
            return new AdoptionView(a.id(), a.kind(), a.title(), a.adoptedOn(), a.clusterIds(), a.projectIds());
        }
    }
}
