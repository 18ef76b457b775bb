package org.tic.membership.domain;

import org.junit.jupiter.api.Test;
import org.tic.commons.rules.RuleViolation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PolicyScopeTest {

    private static final UUID HUMBER = UUID.randomUUID();
    private static final UUID TEESSIDE = UUID.randomUUID();
    private static final UUID ROTTERDAM = UUID.randomUUID();
    private static final Map<UUID, String> COUNTRIES = Map.of(HUMBER, "GB", TEESSIDE, "GB", ROTTERDAM, "NL");

    @Test
    void theAdoptingCountrysClustersOnceEachInRequestOrder() {
        assertEquals(List.of(TEESSIDE, HUMBER), PolicyScope.clusters("GB", List.of(TEESSIDE, HUMBER, TEESSIDE), COUNTRIES));
        assertEquals(List.of(), PolicyScope.clusters("GB", null, Map.of()));
        UUID p = UUID.randomUUID();
        assertEquals(List.of(p), PolicyScope.projects(List.of(p, p)));
        assertEquals(List.of(), PolicyScope.projects(null));
    }

    @Test
    void anUnknownClusterIsAnInvalidFieldAndOneAbroadBreaksTheCountryRule() {
        RuleViolation unknown = assertThrows(RuleViolation.class,
                () -> PolicyScope.clusters("GB", List.of(HUMBER, UUID.randomUUID()), COUNTRIES));
        assertEquals(RuleViolation.Kind.INVALID, unknown.kind());
        assertEquals("clusterIds", unknown.fields().get(0).field());

        RuleViolation abroad = assertThrows(RuleViolation.class,
                () -> PolicyScope.clusters("GB", List.of(HUMBER, ROTTERDAM), COUNTRIES));
        assertEquals(RuleViolation.Kind.UNPROCESSABLE, abroad.kind());
        assertEquals("policy-cluster-country", abroad.code());
        assertEquals(List.of(ROTTERDAM), abroad.extensions().get("clusterIds"));
    }
}
