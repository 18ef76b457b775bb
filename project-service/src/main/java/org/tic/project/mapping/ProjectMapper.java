package org.tic.project.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.project.domain.Capacity;
import org.tic.project.domain.Capex;
import org.tic.project.domain.Co2eEstimate;
import org.tic.project.domain.Evidence;
import org.tic.project.domain.ExternalRef;
import org.tic.project.domain.Funding;
import org.tic.project.domain.FundingSource;
import org.tic.project.domain.Milestone;
import org.tic.project.domain.Partner;
import org.tic.project.domain.Project;
import org.tic.project.domain.Readiness;
import org.tic.project.domain.SourceLink;
import org.tic.project.domain.Stage;
import org.tic.project.domain.StageRules;
import org.tic.project.domain.StageTransition;
import org.tic.project.domain.CategoryVocabulary;
import org.tic.project.domain.ProjectCategory;
import org.tic.project.domain.StageVocabulary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** API model ↔ entities, explicitly. Cluster references and the readiness summary come from the caller. */
@ApplicationScoped
public class ProjectMapper {

    /** Copies the descriptive fields (not stage, clusters' derived data or partners' resolved names). */
    public void apply(ProjectRequest r, Project p) {
        p.name = r.name().trim();
        p.description = blankToNull(r.description());
        p.category = r.category();
        p.leadClusterId = r.leadClusterId();
        p.participatingClusterIds = r.participatingClusterIds() == null ? new ArrayList<>() : new ArrayList<>(r.participatingClusterIds());
        p.capacity = toCapacity(r.capacity());
        p.estimatedCo2eReduction = toCo2e(r.estimatedCo2eReduction());
        p.capex = toCapex(r.capex());
        p.funding = toFunding(r.funding());
        p.fundingSources = r.funding() == null || r.funding().sources() == null ? new ArrayList<>()
                : new ArrayList<>(r.funding().sources().stream().map(s -> new FundingSource(s.type(), blankToNull(s.provider()),
                strip(s.amount()), s.currency(), blankToNull(s.note()))).toList());
        p.businessModel = blankToNull(r.businessModel());
        p.externalRefs = r.externalRefs() == null ? new ArrayList<>()
                : new ArrayList<>(r.externalRefs().stream().map(e -> new ExternalRef(e.source(), e.id().trim(), e.url())).toList());
        p.sources = r.sources() == null ? new ArrayList<>()
                : new ArrayList<>(r.sources().stream().map(s -> new SourceLink(blankToNull(s.title()), s.url(), blankToNull(s.note()))).toList());
    }

    /** The full view, financial fields included (the caller may see them). */
    public ProjectView toView(Project p, Function<UUID, ClusterRefView> clusters, ReadinessSummaryView readiness) {
        return toView(p, clusters, readiness, true);
    }

    /**
     * The view; without {@code financials} the capex, funding (secured amount and sources) and business model are
     * null, for callers who may not see them (see {@code ProjectAccess}).
     */
    public ProjectView toView(Project p, Function<UUID, ClusterRefView> clusters, ReadinessSummaryView readiness,
                              boolean financials) {
        var terms = StageVocabulary.of(p.stage);
        return new ProjectView(p.id, p.name, p.description, p.category, categoryTerms(p.category),
                p.leadClusterId, clusters.apply(p.leadClusterId),
                List.copyOf(p.participatingClusterIds), p.participatingClusterIds.stream().map(clusters).toList(),
                List.copyOf(p.countries), p.corridor, p.originClusterId, p.destinationClusterId,
                p.corridorCommodity, p.corridorTransportMode,
                p.stage, p.stageDate, p.heldStage, p.fidDate,
                new StageTermsView(terms.iea(), terms.gccsi(), StageVocabulary.gem(p.stage, p.heldStage), terms.mpp()),
                StageRules.nextStages(p.stage, p.heldStage),
                toDto(p.capacity), toDto(p.estimatedCo2eReduction), financials ? toDto(p.capex) : null, financials ? toDto(p.funding, p.fundingSources) : null,
                financials ? p.businessModel : null,
                p.partners.stream().map(x -> new PartnerDto(x.organizationId(), x.name(), x.role(), x.note())).toList(),
                p.externalRefs.stream().map(x -> new ExternalRefDto(x.source(), x.id(), x.url())).toList(),
                p.sources.stream().map(x -> new SourceDto(x.title(), x.url(), x.note())).toList(),
                readiness, p.version, p.createdAt, p.updatedAt, p.createdBy, p.updatedBy);
    }

    public StageTransitionView toView(StageTransition t) {
        return new StageTransitionView(t.sequence, t.fromStage, t.toStage, t.date, t.note, evidenceDtos(t.evidence),
                t.skipped.stream().map(Stage::valueOf).toList(), t.skipReason, t.readinessOverride, t.overrideReason,
                t.recordedAt, t.recordedBy);
    }

    public MilestoneView toView(Milestone m, LocalDate today) {
        return new MilestoneView(m.type, m.plannedDate, m.actualDate, m.status(today), m.slipDays(), m.note,
                evidenceDtos(m.evidence), m.updatedAt, m.updatedBy);
    }

    public ReadinessSummaryView toView(Readiness.Summary s) {
        return new ReadinessSummaryView(s.level(), s.complete(), s.itemsTotal(), s.itemsComplete(), s.itemsNotApplicable(),
                s.itemsInProgress(), s.percent(), s.missing());
    }

    public StageView toView(Stage s) {
        var terms = StageVocabulary.of(s);
        return new StageView(s, s.isMainLine() ? s.rank() : null, terms.label(), terms.description(), s.isMainLine(),
                s.isTerminal(), new StageTermsView(terms.iea(), terms.gccsi(), terms.gem(), terms.mpp()),
                s == Stage.ON_HOLD ? List.of() : StageRules.nextStages(s, null));
    }

    public CategoryView toView(ProjectCategory c) {
        return new CategoryView(c, CategoryVocabulary.of(c).label(), categoryTerms(c));
    }

    private static CategoryTermsView categoryTerms(ProjectCategory c) {
        var t = CategoryVocabulary.of(c);
        return new CategoryTermsView(t.iea(), t.gem(), t.mpp());
    }

    public CorridorView toCorridor(Project p, Map<UUID, ClusterRefView> clusters) {
        return new CorridorView(p.id, p.name, p.category, p.corridorCommodity, p.corridorTransportMode, p.stage,
                clusters.get(p.originClusterId),
                clusters.get(p.destinationClusterId), p.clusterIds().stream().map(clusters::get).toList(),
                List.copyOf(p.countries));
    }

    public List<Evidence> evidence(List<EvidenceDto> dtos) {
        return dtos == null ? new ArrayList<>()
                : new ArrayList<>(dtos.stream().map(e -> new Evidence(e.description().trim(), e.url())).toList());
    }

    public List<EvidenceDto> evidenceDtos(List<Evidence> evidence) {
        return evidence.stream().map(e -> new EvidenceDto(e.description(), e.url())).toList();
    }

    private static Capacity toCapacity(CapacityDto d) {
        if (d == null) {
            return null;
        }
        Capacity c = new Capacity();
        c.value = strip(d.value());
        c.unit = d.unit();
        c.basis = blankToNull(d.basis());
        return c;
    }

    private static Co2eEstimate toCo2e(Co2eDto d) {
        if (d == null) {
            return null;
        }
        Co2eEstimate c = new Co2eEstimate();
        c.value = strip(d.value());
        c.unit = d.unit();
        c.metricType = d.metricType();
        c.basis = blankToNull(d.basis());
        return c;
    }

    private static Capex toCapex(CapexDto d) {
        if (d == null) {
            return null;
        }
        Capex c = new Capex();
        c.amount = strip(d.amount());
        c.currency = d.currency();
        c.priceYear = d.priceYear();
        return c;
    }

    private static Funding toFunding(FundingDto d) {
        if (d == null || (d.securedAmount() == null && d.currency() == null)) {
            return null;
        }
        Funding f = new Funding();
        f.securedAmount = strip(d.securedAmount());
        f.currency = d.currency();
        return f;
    }

    static CapacityDto toDto(Capacity c) {
        return c == null || c.value == null ? null : new CapacityDto(c.value, c.unit, c.basis);
    }

    static Co2eDto toDto(Co2eEstimate c) {
        return c == null || c.value == null ? null : new Co2eDto(c.value, c.unit, c.metricType, c.basis);
    }

    static CapexDto toDto(Capex c) {
        return c == null || c.amount == null ? null : new CapexDto(c.amount, c.currency, c.priceYear);
    }

    static FundingDto toDto(Funding f, List<FundingSource> sources) {
        if ((f == null || (f.securedAmount == null && f.currency == null)) && sources.isEmpty()) {
            return null;
        }
        return new FundingDto(f == null ? null : f.securedAmount, f == null ? null : f.currency,
                sources.stream().map(s -> new FundingSourceDto(s.type(), s.provider(), s.amount(), s.currency(), s.note())).toList());
    }

    /** 4.500000 → 4.5, so values read back as they were sent. */
    static BigDecimal strip(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Partners as stored: the name of a known organization comes from the read model. */
    public static Partner partner(PartnerDto d, String resolvedName) {
        return new Partner(d.organizationId(), resolvedName != null ? resolvedName : d.name().trim(), d.role(), blankToNull(d.note()));
    }
}
