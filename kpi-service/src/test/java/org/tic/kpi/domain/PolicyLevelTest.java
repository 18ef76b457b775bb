package org.tic.kpi.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyLevelTest {

    private static PolicyLevel.Adoption adoption(String country, String kind, String date) {
        return new PolicyLevel.Adoption(UUID.randomUUID(), country, kind, kind + " of " + country, LocalDate.parse(date),
                List.of(), List.of());
    }

    @Test
    void aCountryAdoptsFromItsFirstFrameworkOrNationalAgendaAdoption() {
        List<PolicyLevel.Adoption> all = List.of(
                adoption("MY", "RELATED_POLICY", "2024-01-10"),
                adoption("MY", "NATIONAL_AGENDA", "2025-06-01"),
                adoption("GB", "TIC_FRAMEWORK", "2025-02-01"),
                adoption("BR", "RELATED_POLICY", "2024-05-05"));

        PolicyLevel.OnDate before = PolicyLevel.on(LocalDate.parse("2025-01-31"), all);
        assertEquals(List.of(), before.adoptingCountries());
        assertEquals(2, before.adoptions(), "the two related policies are dated by then");
        assertFalse(before.countries().get("MY").adopted());

        PolicyLevel.OnDate mid = PolicyLevel.on(LocalDate.parse("2025-02-01"), all);
        assertEquals(List.of("GB"), mid.adoptingCountries(), "from the adoption date itself");

        PolicyLevel.OnDate after = PolicyLevel.on(LocalDate.parse("2025-12-31"), all);
        assertEquals(List.of("GB", "MY"), after.adoptingCountries(), "in country order");
        assertEquals(4, after.adoptions());
        PolicyLevel.Country my = after.countries().get("MY");
        assertTrue(my.adopted());
        assertEquals(LocalDate.parse("2025-06-01"), my.adoptedSince());
        assertEquals(List.of("RELATED_POLICY", "NATIONAL_AGENDA"), my.adoptions().stream().map(PolicyLevel.Adoption::kind).toList(),
                "its adoptions in date order");
        PolicyLevel.Country br = after.countries().get("BR");
        assertFalse(br.adopted(), "a related policy alone does not make a country an adopter");
        assertNull(br.adoptedSince());
    }

    @Test
    void nothingAdoptedIsAnEmptyLevel() {
        PolicyLevel.OnDate none = PolicyLevel.on(LocalDate.parse("2025-01-01"), List.of());
        assertEquals(List.of(), none.adoptingCountries());
        assertEquals(0, none.adoptions());
        assertTrue(none.countries().isEmpty());
    }
}
