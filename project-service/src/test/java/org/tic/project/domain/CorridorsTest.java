package org.tic.project.domain;

import org.junit.jupiter.api.Test;
import org.tic.commons.rules.RuleViolation;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorridorsTest {

    private final UUID andalusia = UUID.randomUUID();
    private final UUID basque = UUID.randomUUID();
    private final UUID rotterdam = UUID.randomUUID();
    private final UUID antwerp = UUID.randomUUID();

    @Test
    void oneClusterIsNoCorridor() {
        Corridors.Layout l = Corridors.layout(List.of(new Corridors.Place(andalusia, "ES")), null, null);
        assertFalse(l.corridor());
        assertEquals(List.of("ES"), l.countries());
        assertNull(l.originClusterId());
    }

    @Test
    void twoClustersInOneCountryAreNoCorridor() {
        Corridors.Layout l = Corridors.layout(List.of(new Corridors.Place(andalusia, "ES"), new Corridors.Place(basque, "ES")), null, null);
        assertFalse(l.corridor());
        assertEquals(List.of("ES"), l.countries());
    }

    @Test
    void twoClustersInTwoCountriesRunFromTheLeadToTheLastForeignCluster() {
        Corridors.Layout l = Corridors.layout(List.of(new Corridors.Place(andalusia, "ES"), new Corridors.Place(rotterdam, "NL"),
                new Corridors.Place(basque, "ES")), null, null);
        assertTrue(l.corridor());
        assertEquals(List.of("ES", "NL"), l.countries());
        assertEquals(andalusia, l.originClusterId());
        assertEquals(rotterdam, l.destinationClusterId());
    }

    @Test
    void explicitEndsMustBelongToTheProjectAndDiffer() {
        List<Corridors.Place> places = List.of(new Corridors.Place(andalusia, "ES"), new Corridors.Place(rotterdam, "NL"),
                new Corridors.Place(antwerp, "BE"));
        Corridors.Layout l = Corridors.layout(places, rotterdam, antwerp);
        assertEquals(rotterdam, l.originClusterId());
        assertEquals(antwerp, l.destinationClusterId());
        assertEquals("corridor-end-not-in-project",
                assertThrows(RuleViolation.class, () -> Corridors.layout(places, basque, null)).code());
        assertEquals("corridor-ends-identical",
                assertThrows(RuleViolation.class, () -> Corridors.layout(places, rotterdam, rotterdam)).code());
    }

    @Test
    void endsOnANonCorridorAreRefused() {
        assertEquals("not-a-corridor", assertThrows(RuleViolation.class, () ->
                Corridors.layout(List.of(new Corridors.Place(andalusia, "ES")), null, andalusia)).code());
    }

    @Test
    void aCommodityOrTransportModeIsForCorridorsOnly() {
        List<Corridors.Place> local = List.of(new Corridors.Place(andalusia, "ES"), new Corridors.Place(basque, "ES"));
        for (Runnable r : List.<Runnable>of(
                () -> Corridors.layout(local, null, null, CorridorCommodity.HYDROGEN, null),
                () -> Corridors.layout(local, null, null, null, TransportMode.PIPELINE))) {
            RuleViolation v = assertThrows(RuleViolation.class, r::run);
            assertEquals("not-a-corridor", v.code());
        }
        Corridors.Layout corridor = Corridors.layout(List.of(new Corridors.Place(andalusia, "ES"),
                new Corridors.Place(rotterdam, "NL")), null, null, CorridorCommodity.AMMONIA, TransportMode.SHIP);
        assertTrue(corridor.corridor());
    }
}
