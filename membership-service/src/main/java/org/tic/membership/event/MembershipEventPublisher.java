package org.tic.membership.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.outbox.OutboxWriter;
import org.tic.commons.revision.RevisionWriter;
import org.tic.membership.domain.Cluster;
import org.tic.membership.domain.MembershipApplication;
import org.tic.membership.domain.Organization;
import org.tic.membership.domain.PolicyAdoption;
import org.tic.membership.mapping.ApplicationView;
import org.tic.membership.mapping.ClusterMapper;
import org.tic.membership.mapping.ClusterView;
import org.tic.membership.mapping.OrganizationMapper;
import org.tic.membership.mapping.OrganizationView;
import org.tic.membership.mapping.PartyView;
import org.tic.membership.mapping.PolicyAdoptionView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.tic.membership.event.MembershipEventTypes.APPLICATION;
import static org.tic.membership.event.MembershipEventTypes.CLUSTER;
import static org.tic.membership.event.MembershipEventTypes.CLUSTERS_MERGED;
import static org.tic.membership.event.MembershipEventTypes.CLUSTER_JOINED;
import static org.tic.membership.event.MembershipEventTypes.ORGANIZATION;
import static org.tic.membership.event.MembershipEventTypes.ORGANIZATION_DELETED;
import static org.tic.membership.event.MembershipEventTypes.PARTY;
import static org.tic.membership.event.MembershipEventTypes.POLICY_ADOPTION;

/**
 * Writes membership events to the outbox in the caller's transaction, one record per payload shape (the shapes of
 * docs/events.md and the AsyncAPI document), and with each the revision of the record it changed (its history).
 * Callers flush first, so the snapshots carry the version of the change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MembershipEventPublisher {

    /** Registered, updated. */
    public record ClusterChanged(ClusterView cluster) {
    }

    /** Joined: through an approved application, or recorded as an existing member. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClusterJoined(ClusterView cluster, UUID applicationId, Boolean recordedExistingMember) {
    }

    /** Suspended, reinstated, withdrawn. */
    public record ClusterStatusChanged(ClusterView cluster, String reason, LocalDate effectiveDate) {
    }

    /** A party added or ended. */
    public record PartyChanged(ClusterView cluster, PartyView party) {
    }

    public record ClustersMerged(UUID mergeId, ClusterView successor, List<ClusterView> predecessors,
                                 LocalDate effectiveDate, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationChanged(ApplicationView.Summary application, String reason) {
    }

    public record OrganizationChanged(OrganizationView organization) {
    }

    public record OrganizationDeleted(UUID organizationId) {
    }

    public record PolicyAdoptionChanged(PolicyAdoptionView policyAdoption) {
    }

    private final OutboxWriter outbox;
    private final RevisionWriter revisions;
    private final ClusterMapper clusters;
    private final OrganizationMapper organizations;

    public MembershipEventPublisher(OutboxWriter outbox, RevisionWriter revisions, ClusterMapper clusters,
                                    OrganizationMapper organizations) {
        this.outbox = outbox;
        this.revisions = revisions;
        this.clusters = clusters;
        this.organizations = organizations;
    }

    public void clusterChanged(String type, Cluster c, String actor) {
        ClusterView view = clusters.toView(c);
        outbox.record(CLUSTER, c.id, type, new ClusterChanged(view), actor);
        revision(type, view, null, actor);
    }

    public void clusterJoinedByApplication(Cluster c, UUID applicationId, String actor) {
        ClusterView view = clusters.toView(c);
        outbox.record(CLUSTER, c.id, CLUSTER_JOINED, new ClusterJoined(view, applicationId, null), actor);
        revision(CLUSTER_JOINED, view, "Application " + applicationId + " approved", actor);
    }

    public void clusterJoinedAsExistingMember(Cluster c, String actor) {
        ClusterView view = clusters.toView(c);
        outbox.record(CLUSTER, c.id, CLUSTER_JOINED, new ClusterJoined(view, null, true), actor);
        revision(CLUSTER_JOINED, view, null, actor);
    }

    public void clusterStatusChanged(String type, Cluster c, String reason, LocalDate effectiveDate, String actor) {
        ClusterView view = clusters.toView(c);
        outbox.record(CLUSTER, c.id, type, new ClusterStatusChanged(view, reason, effectiveDate), actor);
        revision(type, view, reason, actor);
    }

    public void partyChanged(String type, Cluster c, PartyView party, String actor) {
        outbox.record(CLUSTER, c.id, type, new PartyChanged(clusters.toView(c), party), actor);
        revisions.record(PARTY, party.id(), type, party, null, actor, null);
    }

    public void clustersMerged(UUID mergeId, Cluster successor, List<Cluster> predecessors, LocalDate effectiveDate,
                               String reason, String actor) {
        ClusterView joint = clusters.toView(successor);
        List<ClusterView> merged = predecessors.stream().map(clusters::toView).toList();
        outbox.record(CLUSTER, successor.id, CLUSTERS_MERGED, new ClustersMerged(mergeId, joint, merged, effectiveDate,
                reason), actor);
        revision(CLUSTERS_MERGED, joint, reason, actor);
        merged.forEach(p -> revision(CLUSTERS_MERGED, p, reason, actor));
    }

    public void applicationChanged(String type, MembershipApplication a, String reason, String actor) {
        outbox.record(APPLICATION, a.id, type, new ApplicationChanged(ApplicationView.Summary.of(a), reason), actor);
    }

    public void organizationChanged(String type, Organization o, String actor) {
        OrganizationView view = organizations.toView(o);
        outbox.record(ORGANIZATION, o.id, type, new OrganizationChanged(view), actor);
        revisions.record(ORGANIZATION, o.id, type, view, o.version, actor, null);
    }

    public void organizationDeleted(Organization o, String actor) {
        outbox.record(ORGANIZATION, o.id, ORGANIZATION_DELETED, new OrganizationDeleted(o.id), actor);
        revisions.record(ORGANIZATION, o.id, ORGANIZATION_DELETED, null, null, actor, null);
    }

    public void policyAdoptionChanged(String type, PolicyAdoption p, String actor) {
        PolicyAdoptionView view = PolicyAdoptionView.of(p);
        outbox.record(POLICY_ADOPTION, p.id, type, new PolicyAdoptionChanged(view), actor);
        revisions.record(POLICY_ADOPTION, p.id, type, view, p.version, actor, null);
    }

    private void revision(String type, ClusterView c, String reason, String actor) {
        revisions.record(CLUSTER, c.id(), type, c, c.version(), actor, reason);
    }
}
