package org.tic.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.error.ProblemException;
import org.tic.commons.revision.Revision;
import org.tic.commons.revision.RevisionHistory;
import org.tic.commons.revision.RevisionReader;
import org.tic.membership.domain.Cluster;
import org.tic.membership.repository.ClusterPartyRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.tic.membership.event.MembershipEventTypes.CLUSTER;
import static org.tic.membership.event.MembershipEventTypes.ORGANIZATION;
import static org.tic.membership.event.MembershipEventTypes.PARTY;
import static org.tic.membership.event.MembershipEventTypes.POLICY_ADOPTION;

/**
 * The revision history of organizations, clusters, parties and policy adoptions: every version as it was written, or
 * the one that stood on a date. A deleted organization keeps its history (its last revision records the deletion).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HistoryService {

    private final RevisionReader revisions;
    private final ClusterService clusters;
    private final ClusterPartyRepository parties;
    private final MembershipAccess access;

    public HistoryService(RevisionReader revisions, ClusterService clusters, ClusterPartyRepository parties,
                          MembershipAccess access) {
        this.revisions = revisions;
        this.clusters = clusters;
        this.parties = parties;
        this.access = access;
    }

    public RevisionHistory organization(UUID id, LocalDate asOf) {
        return read(ORGANIZATION, id, "Organization", asOf);
    }

    public RevisionHistory cluster(String key, LocalDate asOf) {
        Cluster c = clusters.getByKey(key);
        return read(CLUSTER, c.id, "Cluster", asOf);
    }

    public RevisionHistory party(UUID clusterId, UUID partyId, LocalDate asOf) {
        if (parties.findByIdOptional(partyId).filter(p -> p.clusterId.equals(clusterId)).isEmpty()) {
            throw ProblemException.notFound("Party", partyId);
        }
        return read(PARTY, partyId, "Party", asOf);
    }

    public RevisionHistory policyAdoption(UUID id, LocalDate asOf) {
        return read(POLICY_ADOPTION, id, "Policy adoption", asOf);
    }

    private RevisionHistory read(String type, UUID id, String what, LocalDate asOf) {
        List<Revision> all = revisions.history(type, id);
        if (all.isEmpty()) {
            throw ProblemException.notFound(what, id);
        }
        return revisions.view(type, id, all, what + " " + id, asOf, access.seesWhoChanged());
    }
}
