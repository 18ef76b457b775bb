package org.tic.membership.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The TIC membership criteria, exactly. An application is eligible only when all hold:
 * <ol>
 * <li>a signed statement of ambition: at least one signatory and a signed date;</li>
 * <li>at least three parties, of which either three are companies, or two are companies and one is a government
 * body (other kinds count as parties but not towards this rule);</li>
 * <li>a positive CO2e reduction/avoidance potential with unit and period;</li>
 * <li>non-empty just-transition evidence.</li>
 * </ol>
 * Plain Java so the rules are unit-tested at their boundaries without booting anything.
 */
public final class Eligibility {

    public enum Criterion {
        SIGNED_STATEMENT("A signed statement of ambition (at least one signatory and a signed date)"),
        PARTIES("At least three parties: three companies, or two companies and one government body"),
        CO2E_POTENTIAL("A positive collective CO2e reduction or avoidance potential with unit and period"),
        JUST_TRANSITION("Evidence of supporting a just transition (jobs protected or created, local value)");

        public final String description;

        Criterion(String description) {
            this.description = description;
        }
    }

    public record Check(Criterion criterion, String description, boolean met, String explanation) {
    }

    public record Report(boolean eligible, List<Check> checks) {
        public List<Check> failed() {
            return checks.stream().filter(c -> !c.met()).toList();
        }
    }

    private Eligibility() {
    }

    /**
     * @param kinds the kind of each declared organization that exists (unknown ids are absent)
     */
    public static Report evaluate(StatementOfAmbition statement, List<DeclaredParty> parties, Co2ePotential co2e,
                                  JustTransitionEvidence justTransition, Map<UUID, OrganizationKind> kinds) {
        List<Check> checks = new ArrayList<>();
        checks.add(statement(statement));
        checks.add(parties(parties, kinds));
        checks.add(co2e(co2e));
        checks.add(justTransition(justTransition));
        return new Report(checks.stream().allMatch(Check::met), List.copyOf(checks));
    }

    static Check statement(StatementOfAmbition s) {
        Criterion c = Criterion.SIGNED_STATEMENT;
        if (s == null) {
            return new Check(c, c.description, false, "No statement of ambition");
        }
        long signatories = s.signatories() == null ? 0
                : s.signatories().stream().filter(x -> x != null && x.name() != null && !x.name().isBlank()).count();
        boolean hasContent = (s.text() != null && !s.text().isBlank()) || (s.documentUrl() != null && !s.documentUrl().isBlank());
        List<String> missing = new ArrayList<>();
        if (!hasContent) {
            missing.add("neither text nor a document reference");
        }
        if (signatories == 0) {
            missing.add("no signatory");
        }
        if (s.signedOn() == null) {
            missing.add("no signed date");
        }
        if (!missing.isEmpty()) {
            return new Check(c, c.description, false, "Statement has " + String.join(", ", missing));
        }
        return new Check(c, c.description, true, "Signed on " + s.signedOn() + " by " + signatories + " signator"
                + (signatories == 1 ? "y" : "ies"));
    }

    static Check parties(List<DeclaredParty> parties, Map<UUID, OrganizationKind> kinds) {
        Criterion c = Criterion.PARTIES;
        Set<UUID> distinct = new LinkedHashSet<>();
        if (parties != null) {
            parties.stream().filter(p -> p != null && p.organizationId() != null).forEach(p -> distinct.add(p.organizationId()));
        }
        List<UUID> unknown = distinct.stream().filter(id -> !kinds.containsKey(id)).toList();
        long companies = distinct.stream().filter(id -> kinds.get(id) == OrganizationKind.COMPANY).count();
        long governments = distinct.stream().filter(id -> kinds.get(id) == OrganizationKind.GOVERNMENT_BODY).count();
        long known = distinct.size() - unknown.size();
        String counts = known + " part" + (known == 1 ? "y" : "ies") + " (" + companies + " compan"
                + (companies == 1 ? "y" : "ies") + ", " + governments + " government bod" + (governments == 1 ? "y" : "ies") + ")";
        if (!unknown.isEmpty()) {
            counts += "; unknown organization" + (unknown.size() == 1 ? " " : "s ") + unknown;
        }
        boolean enoughParties = known >= 3;
        boolean rightMix = companies >= 3 || (companies >= 2 && governments >= 1);
        if (enoughParties && rightMix) {
            return new Check(c, c.description, true, counts);
        }
        String why = !enoughParties ? "fewer than three parties" : "need three companies, or two companies and one government body";
        return new Check(c, c.description, false, counts + ": " + why);
    }

    static Check co2e(Co2ePotential p) {
        Criterion c = Criterion.CO2E_POTENTIAL;
        if (p == null) {
            return new Check(c, c.description, false, "No CO2e potential declared");
        }
        List<String> missing = new ArrayList<>();
        if (p.value() == null || p.value().compareTo(BigDecimal.ZERO) <= 0) {
            missing.add("the value must be positive");
        }
        if (p.unit() == null) {
            missing.add("a unit is missing");
        }
        if (p.period() == null || p.period().isBlank()) {
            missing.add("a period is missing");
        }
        if (!missing.isEmpty()) {
            return new Check(c, c.description, false, String.join("; ", missing));
        }
        return new Check(c, c.description, true, (p.kind() == null ? "" : p.kind().name().toLowerCase() + " of ")
                + p.value().stripTrailingZeros().toPlainString() + " " + p.unit() + " " + p.period());
    }

    static Check justTransition(JustTransitionEvidence e) {
        Criterion c = Criterion.JUST_TRANSITION;
        if (e == null || e.lacksContent()) {
            return new Check(c, c.description, false, "No just-transition evidence");
        }
        return new Check(c, c.description, true, "Evidence given");
    }
}
