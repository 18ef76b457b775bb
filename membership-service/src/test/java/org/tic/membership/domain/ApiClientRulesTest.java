package org.tic.membership.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may manage an organization's API clients, and how their client ids look. */
class ApiClientRulesTest {

    private static final UUID C1 = UUID.randomUUID();
    private static final UUID C2 = UUID.randomUUID();
    private static final UUID ORG = UUID.fromString("3f2b8c1e-0000-4000-8000-000000000001");

    @Test
    void secretariatManagesAnyOrganizationsClients() {
        assertTrue(ApiClientRights.mayManage(true, Set.of(), List.of()));
        assertTrue(ApiClientRights.mayManage(true, Set.of(), List.of(C1)));
    }

    @Test
    void coordinatorOnlyForOrganizationsOfItsClusters() {
        assertTrue(ApiClientRights.mayManage(false, Set.of(C1), List.of(C1)));
        assertTrue(ApiClientRights.mayManage(false, Set.of(C2), List.of(C1, C2)));
        assertFalse(ApiClientRights.mayManage(false, Set.of(C2), List.of(C1)), "coordinator of another cluster");
        assertFalse(ApiClientRights.mayManage(false, Set.of(C1), List.of()), "organization in no cluster");
        assertFalse(ApiClientRights.mayManage(false, Set.of(), List.of(C1)), "partner or token without clusters");
        assertFalse(ApiClientRights.mayManage(false, null, null));
    }

    @Test
    void clientIdIsPrefixSlugAndSuffix() {
        assertEquals("partner-acme-steel-k3x9q2", ApiClientNaming.clientId("ACME Steel", ORG, "k3x9q2"));
        assertEquals("partner-societe-generale-d-energ-abc123",
                ApiClientNaming.clientId("Société Générale d'Énergie", ORG, "abc123"), "accents dropped, cut to 24 characters");
        assertEquals("partner-port-of-rotterdam-author-000000",
                ApiClientNaming.clientId("  Port of Rotterdam Authority (NL)  ", ORG, "000000"), "trailing punctuation and spaces dropped");
        assertEquals("partner-3f2b8c1e-zzzzzz", ApiClientNaming.clientId("株式会社", ORG, "zzzzzz"),
                "no ASCII letters: the organization id's first characters");
        assertEquals("partner-3f2b8c1e-zzzzzz", ApiClientNaming.clientId(null, ORG, "zzzzzz"));
    }

    @Test
    void slugNeverEndsWithHyphen() {
        String slug = ApiClientNaming.slug("abcdefghijklmnopqrstuvw-xyz");
        assertEquals("abcdefghijklmnopqrstuvw", slug);
        assertTrue(ApiClientNaming.slug("x".repeat(300)).length() <= ApiClientNaming.MAX_SLUG);
    }

    @Test
    void suffixIsSixLowerCaseCharactersAndVaries() {
        Random random = new Random(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String s = ApiClientNaming.randomSuffix(random);
            assertTrue(s.matches("[a-z0-9]{6}"), s);
            seen.add(s);
        }
        assertTrue(seen.size() > 990, "random suffixes rarely repeat");
        assertThrows(IllegalArgumentException.class, () -> ApiClientNaming.clientId("A", ORG, "ABC"));
        assertThrows(IllegalArgumentException.class, () -> ApiClientNaming.clientId("A", ORG, null));
    }
}
