package org.tic.delivery.domain;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeFilterTest {

    @Test
    void noFilterMeansEveryType() {
        assertTrue(TypeFilter.parse(null).all());
        assertTrue(TypeFilter.parse(List.of(" , ")).all());
    }

    @Test
    void exactTypesAnyVersionAndPrefixesAreTellApart() {
        TypeFilter.Parsed p = TypeFilter.parse(List.of("tic.membership.cluster.joined.v1,tic.kpi.report.reported", "tic.project.*"));
        assertTrue(p.valid(), p.problems().toString());
        assertEquals(Set.of("tic.membership.cluster.joined.v1"), p.types());
        assertTrue(p.baseTypes().contains("tic.kpi.report.reported"));
        assertTrue(p.baseTypes().contains("tic.project.project.created"));
        assertTrue(p.baseTypes().contains("tic.project.project.cancelled"));
        assertFalse(p.baseTypes().contains("tic.membership.cluster.joined"), "the exact type does not widen to every version");
        assertEquals(7 + 1, p.baseTypes().size());
    }

    @Test
    void aPrefixCoversAServiceOrAnAggregate() {
        assertEquals(19, TypeFilter.parse(List.of("tic.membership.*")).baseTypes().size());
        assertEquals(Set.of("tic.membership.application.submitted", "tic.membership.application.review-started",
                        "tic.membership.application.approved", "tic.membership.application.rejected",
                        "tic.membership.application.withdrawn"),
                TypeFilter.parse(List.of("tic.membership.application.*")).baseTypes());
    }

    @Test
    void whatMatchesNothingIsRefusedByName() {
        TypeFilter.Parsed p = TypeFilter.parse(List.of("tic.membership.cluster.jioned", "tic.project.project.created.v2",
                "tic.*", "*", "tic.nothing.*", "tic.membership.cluster.joined"));
        assertFalse(p.valid());
        assertEquals(5, p.problems().size(), p.problems().toString());
        assertTrue(p.problems().get(0).contains("tic.membership.cluster.jioned"));
        assertTrue(p.types().isEmpty() && p.baseTypes().isEmpty(), "an invalid filter matches nothing");
    }

    @Test
    void tooManyOrOverLongEntriesAreRefused() {
        assertFalse(TypeFilter.parse(Collections.nCopies(51, "tic.project.*")).valid());
        assertTrue(TypeFilter.parse(Collections.nCopies(50, "tic.project.*")).valid());
        assertFalse(TypeFilter.parse(List.of("tic." + "x".repeat(300))).valid());
    }
}
