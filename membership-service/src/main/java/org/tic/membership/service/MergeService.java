package org.tic.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.tic.commons.error.ProblemException;
import org.tic.membership.domain.Cluster;
import org.tic.membership.domain.ClusterMerge;
import org.tic.membership.domain.MergeRules;
import org.tic.membership.domain.ClusterParty;
import org.tic.membership.domain.ClusterStatus;
import org.tic.membership.event.MembershipEventPublisher;
import org.tic.membership.mapping.MergeRequest;
import org.tic.membership.repository.ClusterMergeRepository;
import org.tic.membership.repository.ClusterPartyRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;


/**
 * Two or more clusters become one joint cluster: a new one, or one of them (or another existing cluster).
 * Predecessors are marked MERGED with a successor link; their active parties move to the successor; their history
 * stays where it is (the lineage is the successor link and the merge record).
 */
@ApplicationScoped
@Transactional
public class MergeService {

    private final ClusterService clusters;
    private final PartyService partyService;
    private final ClusterPartyRepository parties;
    private final ClusterMergeRepository merges;
    private final MembershipEventPublisher events;
    private final MembershipAccess access;
    private final Clock clock;

    public MergeService(ClusterService clusters, PartyService partyService, ClusterPartyRepository parties,
                        ClusterMergeRepository merges, MembershipEventPublisher events, MembershipAccess access,
                        Clock clock) {
        this.clock = clock;
        this.access = access;
        this.clusters = clusters;
        this.partyService = partyService;
        this.parties = parties;
        this.merges = merges;
        this.events = events;
    }

    public record Result(ClusterMerge merge, Cluster successor) {
    }

    public Result merge(@NotNull @Valid MergeRequest request, String actor) {
        access.requireSecretariat();
        Set<UUID> predecessorIds = MergeRules.predecessors(request.successorClusterId(), request.newCluster() != null,
                request.predecessorIds());
        LocalDate effective = request.effectiveDate() == null ? LocalDate.now(clock) : request.effectiveDate();
        List<Cluster> predecessors = new ArrayList<>();
        for (UUID id : predecessorIds) {
            Cluster c = clusters.get(id);
            MergeRules.requireMergeable(c.slug, c.status);
            predecessors.add(c);
        }
        Cluster successor;
        if (request.successorClusterId() != null) {
            successor = clusters.get(request.successorClusterId());
            MergeRules.requireSuccessor(successor.slug, successor.status);
        } else {
            successor = clusters.register(request.newCluster(), actor);
            // The joint cluster is a signatory from the merge date when any predecessor was one.
            if (MergeRules.jointClusterIsSignatory(predecessors.stream().map(p -> p.status).toList())) {
                clusters.join(successor, effective, effective.getYear(), effective, "Joint cluster formed by merge", actor);
            }
        }
        Map<UUID, ClusterParty> toMove = new LinkedHashMap<>();
        for (Cluster p : predecessors) {
            for (ClusterParty party : parties.forCluster(p.id, false)) {
                toMove.put(party.id, party);
            }
            clusters.move(p, ClusterStatus.MERGED, effective, "Merged into " + successor.slug, actor);
            p.successorId = successor.id;
        }
        for (ClusterParty party : toMove.values()) {
            party.until = effective;
            partyService.addParty(successor, party.organization, party.role, effective, actor);
        }
        successor.touch(actor);
        ClusterMerge merge = new ClusterMerge();
        merge.id = UUID.randomUUID();
        merge.successorId = successor.id;
        predecessors.forEach(p -> merge.predecessorIds.add(p.id));
        merge.effectiveDate = effective;
        merge.reason = request.reason();
        merge.createdAt = clock.instant();
        merge.createdBy = actor;
        merges.persist(merge);
        merges.flush();
        events.clustersMerged(merge.id, successor, predecessors, effective, request.reason(), actor);
        return new Result(merge, successor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClusterMerge get(UUID id) {
        return merges.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Merge", id));
    }
}
