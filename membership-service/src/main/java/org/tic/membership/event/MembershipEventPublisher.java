package org.tic.membership.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.outbox.OutboxWriter;
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
import static org.tic.membership.event.MembershipEventTypes.POLICY_ADOPTION;

/**
 * Writes membership events to the outbox in the caller's transaction, one record per payload shape (the shapes of
 * docs/events.md and the AsyncAPI document). Callers flush first, so the snapshots carry the version of the change.
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
    private final ClusterMapper clusters;
    private final OrganizationMapper organizations;

    public MembershipEventPublisher(OutboxWriter outbox, ClusterMapper clusters, OrganizationMapper organizations) {
        this.outbox = outbox;
        this.clusters = clusters;
        this.organizations = organizations;
    }

    public void clusterChanged(String type, Cluster c, String actor) {
        outbox.record(CLUSTER, c.id, type, new ClusterChanged(clusters.toView(c)), actor);
    }

    public void clusterJoinedByApplication(Cluster c, UUID applicationId, String actor) {
        outbox.record(CLUSTER, c.id, CLUSTER_JOINED, new ClusterJoined(clusters.toView(c), applicationId, null), actor);
    }

    public void clusterJoinedAsExistingMember(Cluster c, String actor) {
        outbox.record(CLUSTER, c.id, CLUSTER_JOINED, new ClusterJoined(clusters.toView(c), null, true), actor);
    }

    public void clusterStatusChanged(String type, Cluster c, String reason, LocalDate effectiveDate, String actor) {
        outbox.record(CLUSTER, c.id, type, new ClusterStatusChanged(clusters.toView(c), reason, effectiveDate), actor);
    }

    public void partyChanged(String type, Cluster c, PartyView party, String actor) {
        outbox.record(CLUSTER, c.id, type, new PartyChanged(clusters.toView(c), party), actor);
    }

    public void clustersMerged(UUID mergeId, Cluster successor, List<Cluster> predecessors, LocalDate effectiveDate,
                               String reason, String actor) {
        outbox.record(CLUSTER, successor.id, CLUSTERS_MERGED, new ClustersMerged(mergeId, clusters.toView(successor),
                predecessors.stream().map(clusters::toView).toList(), effectiveDate, reason), actor);
    }

    public void applicationChanged(String type, MembershipApplication a, String reason, String actor) {
        outbox.record(APPLICATION, a.id, type, new ApplicationChanged(ApplicationView.Summary.of(a), reason), actor);
    }

    public void organizationChanged(String type, Organization o, String actor) {
        outbox.record(ORGANIZATION, o.id, type, new OrganizationChanged(organizations.toView(o)), actor);
    }

    public void organizationDeleted(Organization o, String actor) {
        outbox.record(ORGANIZATION, o.id, ORGANIZATION_DELETED, new OrganizationDeleted(o.id), actor);
    }

    public void policyAdoptionChanged(String type, PolicyAdoption p, String actor) {
        outbox.record(POLICY_ADOPTION, p.id, type, new PolicyAdoptionChanged(PolicyAdoptionView.of(p)), actor);
    }
}
