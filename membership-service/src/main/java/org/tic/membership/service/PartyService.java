package org.tic.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rules.RuleViolation;
import org.tic.membership.domain.Cluster;
import org.tic.membership.domain.ClusterParty;
import org.tic.membership.domain.ClusterLifecycle;
import org.tic.membership.domain.Organization;
import org.tic.membership.domain.PartyRole;
import org.tic.membership.event.MembershipEventPublisher;
import org.tic.membership.mapping.PartyRequest;
import org.tic.membership.mapping.PartyView;
import org.tic.membership.repository.ClusterPartyRepository;
import org.tic.membership.repository.OrganizationRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.tic.membership.event.MembershipEventTypes.PARTY_ADDED;
import static org.tic.membership.event.MembershipEventTypes.PARTY_REMOVED;

@ApplicationScoped
@Transactional
public class PartyService {

    private final ClusterService clusters;
    private final ClusterPartyRepository parties;
    private final OrganizationRepository organizations;
    private final MembershipEventPublisher events;
    private final MembershipAccess access;
    private final Clock clock;

    public PartyService(ClusterService clusters, ClusterPartyRepository parties, OrganizationRepository organizations,
                        MembershipEventPublisher events, MembershipAccess access, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.clusters = clusters;
        this.parties = parties;
        this.organizations = organizations;
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClusterParty> list(UUID clusterId, boolean includeEnded) {
        clusters.get(clusterId);
        return parties.forCluster(clusterId, includeEnded);
    }

    public ClusterParty add(UUID clusterId, @NotNull @Valid PartyRequest request, String actor) {
        access.requireClusterRights(clusterId);
        Cluster cluster = clusters.get(clusterId);
        requireOpen(cluster);
        Organization org = organizations.findByIdOptional(request.organizationId())
                .orElseThrow(() -> RuleViolation.invalid("organizationId", "organization " + request.organizationId() + " does not exist"));
        ClusterParty party = addParty(cluster, org, request.role(), request.since(), actor);
        if (party == null) {
            throw RuleViolation.conflict(org.name + " already takes part in " + cluster.slug + " as " + request.role());
        }
        return party;
    }

    /**
     * Adds a party unless the same organization already has that role; bumps the cluster's version so that
     * concurrent changes to one cluster serialise. Returns null when it already existed.
     */
    ClusterParty addParty(Cluster cluster, Organization org, PartyRole role, LocalDate since, String actor) {
        if (parties.isActive(cluster.id, org.id, role)) {
            return null;
        }
        ClusterParty p = new ClusterParty();
        p.id = UUID.randomUUID();
        p.clusterId = cluster.id;
        p.organization = org;
        p.role = role;
        p.since = since;
        p.createdAt = clock.instant();
        p.createdBy = actor;
        parties.persist(p);
        cluster.touch(actor);
        parties.flush();
        events.partyChanged(PARTY_ADDED, cluster, PartyView.of(p), actor);
        return p;
    }

    /** Ends the party's participation (kept in the history with its end date). */
    public void end(UUID clusterId, UUID partyId, LocalDate until, String actor) {
        access.requireClusterRights(clusterId);
        Cluster cluster = clusters.get(clusterId);
        ClusterParty p = parties.findByIdOptional(partyId)
                .filter(x -> x.clusterId.equals(clusterId))
                .orElseThrow(() -> ProblemException.notFound("Party", partyId));
        if (!p.isActive()) {
            throw RuleViolation.conflict("Party " + partyId + " already ended on " + p.until);
        }
        LocalDate end = until == null ? LocalDate.now(clock) : until;
        if (p.since != null && end.isBefore(p.since)) {
            throw RuleViolation.invalid("until", "must not be before since (" + p.since + ")");
        }
        p.until = end;
        cluster.touch(actor);
        parties.flush();
        events.partyChanged(PARTY_REMOVED, cluster, PartyView.of(p), actor);
    }

    private static void requireOpen(Cluster cluster) {
        if (!ClusterLifecycle.partiesMayChange(cluster.status)) {
            throw RuleViolation.conflict("Cluster " + cluster.slug + " is " + cluster.status + "; its parties can no longer change");
        }
    }
}
