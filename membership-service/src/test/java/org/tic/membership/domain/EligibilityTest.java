package org.tic.membership.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EligibilityTest {

    private static final StatementOfAmbition SIGNED = new StatementOfAmbition("We commit to net zero by 2050", null,
            List.of(new StatementOfAmbition.Signatory("A. Person", "CEO", "Acme")), LocalDate.of(2025, 3, 1));
    private static final Co2ePotential CO2E = new Co2ePotential(Co2ePotential.Kind.REDUCTION, new BigDecimal("4.5"),
            Co2ePotential.Unit.MT_CO2E, "per year by 2030", "bottom-up project inventory", 2020, 2030);
    private static final JustTransitionEvidence JT = new JustTransitionEvidence("Reskilling 2,000 workers", null, null, null);

    /** Builds parties of the given kinds, e.g. "CC G" = two companies and a government body. */
    private static Fixture parties(String kinds) {
        Fixture f = new Fixture();
        for (char k : kinds.replace(" ", "").toCharArray()) {
            UUID id = UUID.randomUUID();
            f.parties.add(new DeclaredParty(id, PartyRole.MEMBER));
            f.kinds.put(id, switch (k) {
                case 'C' -> OrganizationKind.COMPANY;
                case 'G' -> OrganizationKind.GOVERNMENT_BODY;
                case 'P' -> OrganizationKind.PORT_AUTHORITY;
                case 'F' -> OrganizationKind.FINANCIER;
                case 'L' -> OrganizationKind.LABOUR_ORGANIZATION;
                case 'R' -> OrganizationKind.RESEARCH_INSTITUTION;
                default -> throw new IllegalArgumentException("kind " + k);
            });
        }
        return f;
    }

    private static final class Fixture {
        final List<DeclaredParty> parties = new ArrayList<>();
        final Map<UUID, OrganizationKind> kinds = new HashMap<>();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "CCC, true",     // three companies
            "CCG, true",     // two companies and one government body
            "CCGG, true",
            "CCCP, true",
            "CG, false",     // only two parties
            "CC, false",
            "CGG, false",    // one company is not enough even with two governments
            "GGG, false",
            "CCP, false",    // a port authority counts as a party, not towards the rule
            "CCF, false",
            "CCLR, false",   // four parties but the wrong mix
            "CCLRG, true",
            "'', false"
    })
    void partyRuleAtItsBoundaries(String kinds, boolean expected) {
        Fixture f = parties(kinds);
        var report = Eligibility.evaluate(SIGNED, f.parties, CO2E, JT, f.kinds);
        assertEquals(expected, check(report, Eligibility.Criterion.PARTIES).met(), kinds);
        assertEquals(expected, report.eligible());
    }

    @Test
    void theSameOrganizationDeclaredTwiceCountsOnce() {
        Fixture f = parties("CC");
        f.parties.add(new DeclaredParty(f.parties.get(0).organizationId(), PartyRole.COORDINATOR));
        assertFalse(check(Eligibility.evaluate(SIGNED, f.parties, CO2E, JT, f.kinds), Eligibility.Criterion.PARTIES).met());
    }

    @Test
    void unknownOrganizationsDoNotCountAndAreNamed() {
        Fixture f = parties("CC");
        UUID ghost = UUID.randomUUID();
        f.parties.add(new DeclaredParty(ghost, PartyRole.MEMBER));
        var c = check(Eligibility.evaluate(SIGNED, f.parties, CO2E, JT, f.kinds), Eligibility.Criterion.PARTIES);
        assertFalse(c.met());
        assertTrue(c.explanation().contains(ghost.toString()), c.explanation());
    }

    @Nested
    class Statement {
        @Test
        void needsASignatoryAndADate() {
            Fixture f = parties("CCC");
            var noSignatory = new StatementOfAmbition("text", null, List.of(), LocalDate.of(2025, 1, 1));
            var noDate = new StatementOfAmbition("text", null, SIGNED.signatories(), null);
            var blankName = new StatementOfAmbition("text", null, List.of(new StatementOfAmbition.Signatory(" ", null, null)),
                    LocalDate.of(2025, 1, 1));
            var documentOnly = new StatementOfAmbition(null, "https://example.org/statement.pdf", SIGNED.signatories(),
                    LocalDate.of(2025, 1, 1));
            assertFalse(Eligibility.evaluate(noSignatory, f.parties, CO2E, JT, f.kinds).eligible());
            assertFalse(Eligibility.evaluate(noDate, f.parties, CO2E, JT, f.kinds).eligible());
            assertFalse(Eligibility.evaluate(blankName, f.parties, CO2E, JT, f.kinds).eligible());
            assertFalse(Eligibility.evaluate(null, f.parties, CO2E, JT, f.kinds).eligible());
            assertTrue(Eligibility.evaluate(documentOnly, f.parties, CO2E, JT, f.kinds).eligible());
        }
    }

    @Nested
    class Co2e {
        @ParameterizedTest
        @CsvSource({"0, false", "-1, false", "0.000001, true", "626, true"})
        void valueMustBePositive(String value, boolean expected) {
            Fixture f = parties("CCC");
            var p = new Co2ePotential(Co2ePotential.Kind.AVOIDANCE, new BigDecimal(value), Co2ePotential.Unit.T_CO2E, "per year", null, null, null);
            assertEquals(expected, Eligibility.evaluate(SIGNED, f.parties, p, JT, f.kinds).eligible());
        }

        @Test
        void unitAndPeriodAreRequired() {
            Fixture f = parties("CCC");
            var noUnit = new Co2ePotential(null, BigDecimal.ONE, null, "per year", null, null, null);
            var noPeriod = new Co2ePotential(null, BigDecimal.ONE, Co2ePotential.Unit.MT_CO2E, " ", null, null, null);
            assertFalse(Eligibility.evaluate(SIGNED, f.parties, noUnit, JT, f.kinds).eligible());
            assertFalse(Eligibility.evaluate(SIGNED, f.parties, noPeriod, JT, f.kinds).eligible());
            assertFalse(Eligibility.evaluate(SIGNED, f.parties, null, JT, f.kinds).eligible());
        }
    }

    @Test
    void justTransitionEvidenceMustNotBeEmpty() {
        Fixture f = parties("CCC");
        assertFalse(Eligibility.evaluate(SIGNED, f.parties, CO2E, new JustTransitionEvidence(" ", null, "", null), f.kinds).eligible());
        assertFalse(Eligibility.evaluate(SIGNED, f.parties, CO2E, null, f.kinds).eligible());
        assertTrue(Eligibility.evaluate(SIGNED, f.parties, CO2E, new JustTransitionEvidence(null, null, "Local supply chains", null), f.kinds).eligible());
    }

    @Test
    void everyCriterionIsExplainedAndFailuresListed() {
        var report = Eligibility.evaluate(null, List.of(), null, null, Map.of());
        assertEquals(4, report.checks().size());
        assertEquals(4, report.failed().size());
        report.checks().forEach(c -> assertFalse(c.explanation().isBlank()));
    }

    private static Eligibility.Check check(Eligibility.Report r, Eligibility.Criterion c) {
        return r.checks().stream().filter(x -> x.criterion() == c).findFirst().orElseThrow();
    }
}
