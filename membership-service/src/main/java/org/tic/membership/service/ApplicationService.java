package org.tic.membership.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.ETags;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageTotals;
import org.tic.commons.rules.RuleViolation;
import org.tic.membership.domain.ApplicationLifecycle;
import org.tic.membership.domain.ApplicationStatus;
import org.tic.membership.domain.Cluster;
import org.tic.membership.domain.ClusterLifecycle;
import org.tic.membership.domain.DeclaredParty;
import org.tic.membership.domain.Eligibility;
import org.tic.membership.domain.MembershipApplication;
import org.tic.membership.domain.Organization;
import org.tic.membership.domain.OrganizationKind;
import org.tic.membership.event.MembershipEventPublisher;
import org.tic.membership.mapping.ApplicationRequest;
import org.tic.membership.mapping.DecisionRequest;
import org.tic.membership.repository.ApplicationRepository;
import org.tic.membership.repository.OrganizationRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.tic.membership.event.MembershipEventTypes.APPLICATION_APPROVED;
import static org.tic.membership.event.MembershipEventTypes.APPLICATION_REJECTED;
import static org.tic.membership.event.MembershipEventTypes.APPLICATION_REVIEW_STARTED;
import static org.tic.membership.event.MembershipEventTypes.APPLICATION_SUBMITTED;
import static org.tic.membership.event.MembershipEventTypes.APPLICATION_WITHDRAWN;

/** Membership applications: drafting, the lifecycle, and the criteria gate on submit and approval. */
@ApplicationScoped
@Transactional
public class ApplicationService {

    public static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "status", "status", "submittedAt", "submittedAt");

    private final ApplicationRepository applications;
    private final OrganizationRepository organizations;
    private final ClusterService clusters;
    private final PartyService parties;
    private final MembershipEventPublisher events;
    private final MembershipAccess access;
    private final Clock clock;

    public ApplicationService(ApplicationRepository applications, OrganizationRepository organizations,
                              ClusterService clusters, PartyService parties, MembershipEventPublisher events, MembershipAccess access,
                              Clock clock) {
        this.clock = clock;
        this.access = access;
        this.applications = applications;
        this.organizations = organizations;
        this.clusters = clusters;
        this.parties = parties;
        this.events = events;
    }

    public MembershipApplication draft(@NotNull @Valid ApplicationRequest request, String actor) {
        access.requireClusterRights(request.clusterId());
        Cluster cluster = clusters.get(request.clusterId());
        if (!ClusterLifecycle.mayApply(cluster.status)) {
            throw RuleViolation.conflict("Cluster " + cluster.slug + " is " + cluster.status + "; only applicants apply");
        }
        if (applications.hasOpenApplication(cluster.id)) {
            throw RuleViolation.conflict("Cluster " + cluster.slug + " already has an open application");
        }
        MembershipApplication a = new MembershipApplication();
        a.id = UUID.randomUUID();
        a.clusterId = cluster.id;
        a.status = ApplicationStatus.DRAFT;
        apply(request, a);
        a.createdBy = actor;
        a.updatedBy = actor;
        applications.persist(a);
        return a;
    }

    /** Drafts can be edited until submitted. */
    public MembershipApplication replace(UUID id, String ifMatch, @NotNull @Valid ApplicationRequest request, String actor) {
        MembershipApplication a = getVisible(id);
        ETags.checkIfMatch(ifMatch, a.version);
        if (!ApplicationLifecycle.isEditable(a.status)) {
            throw RuleViolation.conflict("Application " + id + " is " + a.status + "; only drafts can be edited");
        }
        if (!a.clusterId.equals(request.clusterId())) {
            throw RuleViolation.invalid("clusterId", "an application cannot move to another cluster");
        }
        apply(request, a);
        a.updatedBy = actor;
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Eligibility.Report eligibility(MembershipApplication a) {
        Map<UUID, OrganizationKind> kinds = new HashMap<>();
        List<UUID> ids = a.declaredParties.stream().map(DeclaredParty::organizationId).distinct().toList();
        if (!ids.isEmpty()) {
            for (Organization o : organizations.list("id in ?1", ids)) {
                kinds.put(o.id, o.kind);
            }
        }
        return Eligibility.evaluate(a.statement, a.declaredParties, a.co2ePotential, a.justTransition, kinds);
    }

    public MembershipApplication submit(UUID id, String ifMatch, String actor) {
        MembershipApplication a = transition(id, ifMatch, ApplicationStatus.SUBMITTED, null, actor);
        a.submittedAt = clock.instant();
        return publish(a, APPLICATION_SUBMITTED, null, actor);
    }

    public MembershipApplication startReview(UUID id, String ifMatch, String actor) {
        return publish(transition(id, ifMatch, ApplicationStatus.UNDER_REVIEW, null, actor), APPLICATION_REVIEW_STARTED, null, actor);
    }

    /** Approves: the cluster becomes a signatory on the effective date and the declared parties join it. */
    public MembershipApplication approve(UUID id, String ifMatch, DecisionRequest decision, String actor) {
        DecisionRequest d = decision == null ? new DecisionRequest(null, null) : decision;
        MembershipApplication a = transition(id, ifMatch, ApplicationStatus.APPROVED, d.reason(), actor);
        LocalDate joined = d.effectiveDate() == null ? LocalDate.now(clock) : d.effectiveDate();
        Cluster cluster = clusters.get(a.clusterId);
        clusters.join(cluster, joined, joined.getYear(), joined, "Application " + a.id + " approved", actor);
        for (DeclaredParty p : a.declaredParties) {
            parties.addParty(cluster, organizations.findById(p.organizationId()), p.role(), joined, actor);
        }
        publish(a, APPLICATION_APPROVED, d.reason(), actor);
        applications.flush();
        events.clusterJoinedByApplication(cluster, a.id, actor);
        return a;
    }

    public MembershipApplication reject(UUID id, String ifMatch, DecisionRequest decision, String actor) {
        String reason = requireReason(decision, "reject");
        return publish(transition(id, ifMatch, ApplicationStatus.REJECTED, reason, actor), APPLICATION_REJECTED, reason, actor);
    }

    public MembershipApplication withdraw(UUID id, String ifMatch, DecisionRequest decision, String actor) {
        String reason = requireReason(decision, "withdraw");
        return publish(transition(id, ifMatch, ApplicationStatus.WITHDRAWN, reason, actor), APPLICATION_WITHDRAWN, reason, actor);
    }

    private MembershipApplication transition(UUID id, String ifMatch, ApplicationStatus to, String reason, String actor) {
        MembershipApplication a = getVisible(id);
        access.requireMayMoveApplication(to);
        ETags.checkIfMatch(ifMatch, a.version);
        if (!ApplicationLifecycle.canMove(a.status, to)) {
            throw RuleViolation.conflict("Application " + id + " is " + a.status + " and cannot become " + to);
        }
        if (ApplicationLifecycle.requiresEligibility(to)) {
            Eligibility.Report report = eligibility(a);
            if (!report.eligible()) {
                Map<String, Object> ext = new LinkedHashMap<>();
                ext.put("failedCriteria", report.failed());
                throw RuleViolation.unprocessable("criteria-not-met", "Membership criteria not met",
                        "Cannot " + (to == ApplicationStatus.SUBMITTED ? "submit" : "approve") + ": "
                                + report.failed().stream().map(c -> c.criterion().name()).toList() + " not met", ext);
            }
        }
        a.status = to;
        a.updatedBy = actor;
        if (to == ApplicationStatus.APPROVED || to == ApplicationStatus.REJECTED || to == ApplicationStatus.WITHDRAWN) {
            a.decisionReason = reason;
            a.decidedAt = clock.instant();
            a.decidedBy = actor;
        }
        return a;
    }

    private MembershipApplication publish(MembershipApplication a, String type, String reason, String actor) {
        applications.flush();
        events.applicationChanged(type, a, reason, actor);
        return a;
    }

    private static String requireReason(DecisionRequest d, String action) {
        if (d == null || d.reason() == null || d.reason().isBlank()) {
            throw RuleViolation.invalid("reason", "is required to " + action + " an application");
        }
        return d.reason();
    }

    private static void apply(ApplicationRequest r, MembershipApplication a) {
        a.statement = r.statement();
        a.declaredParties = r.declaredParties() == null ? new ArrayList<>() : new ArrayList<>(r.declaredParties());
        a.co2ePotential = r.co2ePotential();
        a.justTransition = r.justTransition();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MembershipApplication get(UUID id) {
        return applications.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Application", id));
    }

    /** An application the caller may see: the secretariat all, a coordinator those of its clusters (else 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MembershipApplication getVisible(UUID id) {
        return access.requireVisible(get(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApplicationRepository.Page list(UUID clusterId, ApplicationStatus status, Sort sort, PageRequest page) {
        Optional<List<UUID>> scope = access.applicationScope(clusterId);
        if (scope.isPresent() && scope.get().isEmpty()) {
            return new ApplicationRepository.Page(List.of(), new PageTotals.Total(0, true));
        }
        return applications.search(scope.orElse(null), status, sort, page);
    }
}
