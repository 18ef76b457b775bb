package org.tic.membership.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.ETags;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rules.RuleViolation;
import org.tic.membership.domain.Cluster;
import org.tic.membership.domain.ClusterLifecycle;
import org.tic.membership.domain.ClusterStatus;
import org.tic.membership.domain.ClusterStatusChange;
import org.tic.membership.event.MembershipEventPublisher;
import org.tic.membership.mapping.ClusterMapper;
import org.tic.membership.mapping.ClusterRequest;
import org.tic.membership.mapping.ExistingMembershipRequest;
import org.tic.membership.mapping.StatusActionRequest;
import org.tic.membership.repository.ClusterRepository;
import org.tic.membership.repository.ClusterStatusChangeRepository;
import org.tic.membership.repository.OrganizationRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.membership.event.MembershipEventTypes.CLUSTER_REGISTERED;
import static org.tic.membership.event.MembershipEventTypes.CLUSTER_REINSTATED;
import static org.tic.membership.event.MembershipEventTypes.CLUSTER_SUSPENDED;
import static org.tic.membership.event.MembershipEventTypes.CLUSTER_UPDATED;
import static org.tic.membership.event.MembershipEventTypes.CLUSTER_WITHDRAWN;

@ApplicationScoped
@Transactional
public class ClusterService {

    public static final Map<String, String> SORTABLE = Map.of("name", "name", "slug", "slug", "country", "country",
            "worldRegion", "worldRegion", "type", "type", "status", "status", "joinedDate", "joinedDate",
            "joinedYear", "joinedYear", "createdAt", "createdAt");

    private final ClusterRepository clusters;
    private final ClusterStatusChangeRepository history;
    private final OrganizationRepository organizations;
    private final ClusterMapper mapper;
    private final MembershipEventPublisher events;
    private final MembershipAccess access;
    private final Clock clock;

    public ClusterService(ClusterRepository clusters, ClusterStatusChangeRepository history,
                          OrganizationRepository organizations, ClusterMapper mapper, MembershipEventPublisher events,
                          MembershipAccess access, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.clusters = clusters;
        this.history = history;
        this.organizations = organizations;
        this.mapper = mapper;
        this.events = events;
    }

    /** Registers a cluster as an applicant. */
    public Cluster register(@NotNull @Valid ClusterRequest request, String actor) {
        String slug = request.slug() != null ? request.slug() : ClusterMapper.slugOf(request.name());
        if (clusters.slugTaken(slug)) {
            throw RuleViolation.conflict("A cluster with slug '" + slug + "' already exists");
        }
        requireOrganization(request.coordinatorOrganizationId());
        Cluster c = new Cluster();
        c.id = UUID.randomUUID();
        c.slug = slug;
        mapper.apply(request, c);
        c.status = ClusterStatus.APPLICANT;
        c.createdBy = actor;
        c.updatedBy = actor;
        clusters.persist(c);
        recordStatus(c, null, ClusterStatus.APPLICANT, LocalDate.now(clock), "Registered", actor);
        clusters.flush();
        events.clusterChanged(CLUSTER_REGISTERED, c, actor);
        return c;
    }

    public Cluster replace(UUID id, String ifMatch, @NotNull @Valid ClusterRequest request, String actor) {
        access.requireClusterRights(id);
        Cluster c = get(id);
        ETags.checkIfMatch(ifMatch, c.version);
        if (request.slug() != null && !request.slug().equals(c.slug)) {
            throw RuleViolation.invalid("slug", "is stable and cannot change (it is " + c.slug + ")");
        }
        requireOrganization(request.coordinatorOrganizationId());
        mapper.apply(request, c);
        c.updatedBy = actor;
        clusters.flush();
        events.clusterChanged(CLUSTER_UPDATED, c, actor);
        return c;
    }

    /** An applicant that joined before this platform existed becomes a signatory without an application. */
    public Cluster recordExistingMembership(UUID id, String ifMatch, @NotNull @Valid ExistingMembershipRequest request,
                                            String actor) {
        Cluster c = get(id);
        ETags.checkIfMatch(ifMatch, c.version);
        if (!ClusterLifecycle.mayBeRecordedAsExistingMember(c.status)) {
            throw RuleViolation.conflict("Cluster " + c.slug + " is " + c.status + "; only an applicant can be recorded as a signatory");
        }
        if (request.joinedDate() != null && request.joinedYear() != null
                && request.joinedDate().getYear() != request.joinedYear()) {
            throw RuleViolation.invalid("joinedYear", "must be the year of joinedDate");
        }
        LocalDate effective = request.joinedDate() != null ? request.joinedDate() : LocalDate.now(clock);
        join(c, request.joinedDate(), request.joinedDate() != null ? Integer.valueOf(request.joinedDate().getYear()) : request.joinedYear(),
                effective, request.reason() == null ? "Existing member recorded" : request.reason(), actor);
        clusters.flush();
        events.clusterJoinedAsExistingMember(c, actor);
        return c;
    }

    /** Makes the cluster a signatory (used by approvals and by recording existing members). */
    void join(Cluster c, LocalDate joinedDate, Integer joinedYear, LocalDate effective, String reason, String actor) {
        move(c, ClusterStatus.SIGNATORY, effective, reason, actor);
        c.joinedDate = joinedDate;
        c.joinedYear = joinedYear;
    }

    public Cluster suspend(UUID id, String ifMatch, @NotNull @Valid StatusActionRequest r, String actor) {
        return statusAction(id, ifMatch, ClusterStatus.SUSPENDED, r, CLUSTER_SUSPENDED, actor);
    }

    public Cluster reinstate(UUID id, String ifMatch, @NotNull @Valid StatusActionRequest r, String actor) {
        Cluster c = get(id);
        if (c.status != ClusterStatus.SUSPENDED) {
            throw illegalMove(c, ClusterStatus.SIGNATORY);
        }
        return statusAction(id, ifMatch, ClusterStatus.SIGNATORY, r, CLUSTER_REINSTATED, actor);
    }

    public Cluster withdraw(UUID id, String ifMatch, @NotNull @Valid StatusActionRequest r, String actor) {
        access.requireClusterRights(id);
        return statusAction(id, ifMatch, ClusterStatus.WITHDRAWN, r, CLUSTER_WITHDRAWN, actor);
    }

    private Cluster statusAction(UUID id, String ifMatch, ClusterStatus to, StatusActionRequest r, String type, String actor) {
        Cluster c = get(id);
        ETags.checkIfMatch(ifMatch, c.version);
        LocalDate effective = r.effectiveDate() == null ? LocalDate.now(clock) : r.effectiveDate();
        move(c, to, effective, r.reason(), actor);
        clusters.flush();
        events.clusterStatusChanged(type, c, r.reason(), effective, actor);
        return c;
    }

    /** The one place a cluster's status changes: checks the lifecycle and appends to the history. */
    void move(Cluster c, ClusterStatus to, LocalDate effective, String reason, String actor) {
        if (!ClusterLifecycle.canMove(c.status, to)) {
            throw illegalMove(c, to);
        }
        ClusterStatus from = c.status;
        c.status = to;
        c.statusReason = reason;
        c.touch(actor);
        recordStatus(c, from, to, effective, reason, actor);
    }

    private void recordStatus(Cluster c, ClusterStatus from, ClusterStatus to, LocalDate effective, String reason, String actor) {
        ClusterStatusChange change = new ClusterStatusChange();
        change.id = UUID.randomUUID();
        change.clusterId = c.id;
        change.fromStatus = from;
        change.toStatus = to;
        change.effectiveDate = effective;
        change.reason = reason;
        change.changedAt = clock.instant();
        change.changedBy = actor;
        history.persist(change);
    }

    private static RuleViolation illegalMove(Cluster c, ClusterStatus to) {
        return RuleViolation.conflict("Cluster " + c.slug + " is " + c.status + " and cannot become " + to
                + "; allowed next: " + ClusterLifecycle.nextStatuses(c.status));
    }

    private void requireOrganization(UUID organizationId) {
        if (organizationId != null && organizations.findByIdOptional(organizationId).isEmpty()) {
            throw RuleViolation.invalid("coordinatorOrganizationId", "organization " + organizationId + " does not exist");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cluster get(UUID id) {
        return clusters.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Cluster", id));
    }

    /** By id, or by slug when the key is not a UUID. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cluster getByKey(String key) {
        try {
            return get(UUID.fromString(key));
        } catch (IllegalArgumentException notUuid) {
            return clusters.findBySlug(key).orElseThrow(() -> ProblemException.notFound("Cluster", key));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClusterStatusChange> statusHistory(UUID id) {
        get(id);
        return history.forCluster(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClusterRepository.Page list(ClusterRepository.Filter filter, Sort sort, PageRequest page) {
        return clusters.search(filter, sort, page);
    }
}
