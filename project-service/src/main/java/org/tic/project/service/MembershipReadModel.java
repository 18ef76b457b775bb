package org.tic.project.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.tic.commons.event.EventData;
import org.tic.commons.event.IncomingEvent;
import org.tic.commons.event.PoisonEventException;
import org.tic.project.repository.ClusterSnapshotRepository;
import org.tic.project.repository.OrganizationSnapshotRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.tic.project.event.MembershipEventTypes.CLUSTERS_MERGED;
import static org.tic.project.event.MembershipEventTypes.CLUSTER_JOINED;
import static org.tic.project.event.MembershipEventTypes.CLUSTER_REGISTERED;
import static org.tic.project.event.MembershipEventTypes.CLUSTER_REINSTATED;
import static org.tic.project.event.MembershipEventTypes.CLUSTER_SUSPENDED;
import static org.tic.project.event.MembershipEventTypes.CLUSTER_UPDATED;
import static org.tic.project.event.MembershipEventTypes.CLUSTER_WITHDRAWN;
import static org.tic.project.event.MembershipEventTypes.ORGANIZATION_CREATED;
import static org.tic.project.event.MembershipEventTypes.ORGANIZATION_DELETED;
import static org.tic.project.event.MembershipEventTypes.ORGANIZATION_UPDATED;
import static org.tic.project.event.MembershipEventTypes.PARTY_ADDED;
import static org.tic.project.event.MembershipEventTypes.PARTY_REMOVED;

/**
 * Applies membership events to the cluster and organization read model. Every event carries snapshots; a snapshot
 * replaces what is stored only when its version is higher, so the model converges whatever the interleaving, and
 * a rebuild from offset 0 gives the same state. A merge carries the successor and the predecessors; the
 * predecessors keep their rows (status MERGED, successorId set) and projects keep referring to them.
 * <p>
 * Data that cannot be what its type promises (no cluster id, no version, ...) is a poison event: no retry.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MembershipReadModel {

    private static final Logger LOG = Logger.getLogger(MembershipReadModel.class);

    private final ClusterSnapshotRepository clusters;
    private final OrganizationSnapshotRepository organizations;

    public MembershipReadModel(ClusterSnapshotRepository clusters, OrganizationSnapshotRepository organizations) {
        this.clusters = clusters;
        this.organizations = organizations;
    }

    public void apply(IncomingEvent event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case ORGANIZATION_CREATED, ORGANIZATION_UPDATED -> organization(event, EventData.object(data, "organization", "data"));
            case ORGANIZATION_DELETED -> {
                UUID id = EventData.uuid(data, "organizationId", "data", true);
                organizations.markDeleted(id, event.id(), event.type());
            }
            case CLUSTER_REGISTERED, CLUSTER_UPDATED, CLUSTER_JOINED, CLUSTER_SUSPENDED, CLUSTER_REINSTATED,
                 CLUSTER_WITHDRAWN, PARTY_ADDED, PARTY_REMOVED -> store(event, parseCluster(EventData.object(data, "cluster", "data"), "data.cluster", null));
            case CLUSTERS_MERGED -> {
                ClusterSnapshotRepository.Data successor = parseCluster(EventData.object(data, "successor", "data"), "data.successor", null);
                JsonNode predecessors = data.get("predecessors");
                if (predecessors == null || !predecessors.isArray()) {
                    throw new PoisonEventException("Event " + event.id() + ": predecessors is not an array");
                }
                List<ClusterSnapshotRepository.Data> parsed = new ArrayList<>();
                for (int i = 0; i < predecessors.size(); i++) {
                    // the merge itself says who succeeds them, whatever the snapshot's field says
                    parsed.add(parseCluster(predecessors.get(i), "data.predecessors[" + i + "]", successor.id()));
                }
                store(event, successor);
                parsed.forEach(p -> store(event, p));
            }
            default -> LOG.debugf("Ignoring %s (%s): not part of the read model", event.id(), event.type());
        }
    }

    private void store(IncomingEvent event, ClusterSnapshotRepository.Data data) {
        if (!clusters.upsertIfNewer(data, event.id(), event.type())) {
            LOG.debugf("Cluster %s v%d from %s is not newer than the stored snapshot; ignored", data.id(),
                    data.version(), event.id());
        }
    }

    private void organization(IncomingEvent event, JsonNode o) {
        String w = "data.organization";
        var data = new OrganizationSnapshotRepository.Data(EventData.uuid(o, "id", w, true), EventData.text(o, "name", w),
                EventData.text(o, "kind", w), EventData.text(o, "country", w), EventData.strings(o, "sectors", w),
                EventData.text(o, "website", w), EventData.version(o, w), EventData.instant(o, "createdAt", w),
                EventData.instant(o, "updatedAt", w));
        if (!organizations.upsertIfNewer(data, event.id(), event.type())) {
            LOG.debugf("Organization %s v%d from %s is stale or deleted; ignored", data.id(), data.version(), event.id());
        }
    }

    private static ClusterSnapshotRepository.Data parseCluster(JsonNode c, String w, UUID successorOverride) {
        if (c == null || !c.isObject()) {
            throw new PoisonEventException(w + " is not an object");
        }
        JsonNode location = c.get("location");
        Double latitude = location != null && location.hasNonNull("latitude") ? location.get("latitude").asDouble() : null;
        Double longitude = location != null && location.hasNonNull("longitude") ? location.get("longitude").asDouble() : null;
        UUID successor = successorOverride != null ? successorOverride : EventData.uuid(c, "successorId", w, false);
        return new ClusterSnapshotRepository.Data(EventData.uuid(c, "id", w, true), EventData.required(c, "slug", w),
                EventData.required(c, "name", w), EventData.required(c, "country", w), EventData.text(c, "subnationalRegion", w),
                EventData.text(c, "worldRegion", w), EventData.text(c, "type", w), EventData.strings(c, "sectors", w),
                EventData.uuid(c, "coordinatorOrganizationId", w, false), latitude, longitude, EventData.required(c, "status", w),
                EventData.date(c, "joinedDate", w), EventData.integer(c, "joinedYear", w), successor, EventData.version(c, w),
                EventData.instant(c, "createdAt", w), EventData.instant(c, "updatedAt", w));
    }
}
