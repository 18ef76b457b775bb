package org.tic.kpi.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The policy level of the initiative on a date: which countries had adopted the framework by then. A country counts
 * from its first adoption of the framework itself ({@code TIC_FRAMEWORK}) or of clusters as a national agenda
 * ({@code NATIONAL_AGENDA}); a related policy is listed with the country's adoptions but does not make it an adopter.
 * An adoption counts from its adoption date; a corrected date moves it (the latest snapshot is the truth).
 */
public final class PolicyLevel {

    /** Kinds that make a country an adopter of the framework. */
    public static final Set<String> ADOPTING_KINDS = Set.of("TIC_FRAMEWORK", "NATIONAL_AGENDA");

    public record Adoption(UUID id, String country, String kind, String title, LocalDate adoptedOn,
                           List<UUID> clusterIds, List<UUID> projectIds) {
    }

    /** One country on the date: whether it adopted the framework, since when, and every adoption of it so far. */
    public record Country(String country, boolean adopted, LocalDate adoptedSince, List<Adoption> adoptions) {
    }

    /** The level on a date: the adopting countries (by code) and every country with an adoption of any kind. */
    public record OnDate(LocalDate asOf, List<String> adoptingCountries, int adoptions, Map<String, Country> countries) {
    }

    private PolicyLevel() {
    }

    public static OnDate on(LocalDate asOf, Collection<Adoption> all) {
        Map<String, List<Adoption>> byCountry = new TreeMap<>();
        int counted = 0;
        for (Adoption a : all) {
            if (!a.adoptedOn().isAfter(asOf)) {
                byCountry.computeIfAbsent(a.country(), k -> new ArrayList<>()).add(a);
                counted++;
            }
        }
        Map<String, Country> countries = new TreeMap<>();
        List<String> adopting = new ArrayList<>();
        byCountry.forEach((code, list) -> {
            list.sort(Comparator.comparing(Adoption::adoptedOn).thenComparing(Adoption::title));
            LocalDate since = list.stream().filter(a -> ADOPTING_KINDS.contains(a.kind())).map(Adoption::adoptedOn)
                    .findFirst().orElse(null);
            countries.put(code, new Country(code, since != null, since, List.copyOf(list)));
            if (since != null) {
                adopting.add(code);
            }
        });
        return new OnDate(asOf, List.copyOf(adopting), counted, countries);
    }
}
