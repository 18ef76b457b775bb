package org.tic.project.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.tic.commons.event.IncomingEvent;
import org.tic.commons.event.PoisonEventException;
import org.tic.project.repository.ClusterSnapshotRepository;
import org.tic.project.repository.OrganizationSnapshotRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
            case ORGANIZATION_CREATED, ORGANIZATION_UPDATED -> organization(event, object(data, "organization"));
            case ORGANIZATION_DELETED -> {
                UUID id = uuid(data, "organizationId", true);
                organizations.markDeleted(id, event.id(), event.type());
            }
            case CLUSTER_REGISTERED, CLUSTER_UPDATED, CLUSTER_JOINED, CLUSTER_SUSPENDED, CLUSTER_REINSTATED,
                 CLUSTER_WITHDRAWN, PARTY_ADDED, PARTY_REMOVED -> store(event, parseCluster(object(data, "cluster"), null));
            case CLUSTERS_MERGED -> {
                ClusterSnapshotRepository.Data successor = parseCluster(object(data, "successor"), null);
                JsonNode predecessors = data.get("predecessors");
                if (predecessors == null || !predecessors.isArray()) {
                    throw new PoisonEventException("Event " + event.id() + ": predecessors is not an array");
                }
                List<ClusterSnapshotRepository.Data> parsed = new ArrayList<>();
                for (JsonNode p : predecessors) {
                    // the merge itself says who succeeds them, whatever the snapshot's field says
                    parsed.add(parseCluster(p, successor.id()));
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
        var data = new OrganizationSnapshotRepository.Data(uuid(o, "id", true), text(o, "name", false),
                text(o, "kind", false), text(o, "country", false), strings(o, "sectors"), text(o, "website", false),
                version(o), instant(o, "createdAt"), instant(o, "updatedAt"));
        if (!organizations.upsertIfNewer(data, event.id(), event.type())) {
            LOG.debugf("Organization %s v%d from %s is stale or deleted; ignored", data.id(), data.version(), event.id());
        }
    }

    private static ClusterSnapshotRepository.Data parseCluster(JsonNode c, UUID successorOverride) {
        JsonNode location = c.get("location");
        Double latitude = location != null && location.hasNonNull("latitude") ? location.get("latitude").asDouble() : null;
        Double longitude = location != null && location.hasNonNull("longitude") ? location.get("longitude").asDouble() : null;
        UUID successor = successorOverride != null ? successorOverride : uuid(c, "successorId", false);
        String status = text(c, "status", true);
        return new ClusterSnapshotRepository.Data(uuid(c, "id", true), text(c, "slug", true), text(c, "name", true),
                text(c, "country", true), text(c, "subnationalRegion", false), text(c, "worldRegion", false),
                text(c, "type", false), strings(c, "sectors"), uuid(c, "coordinatorOrganizationId", false), latitude,
                longitude, status, date(c, "joinedDate"), c.hasNonNull("joinedYear") ? c.get("joinedYear").asInt() : null,
                successor, version(c), instant(c, "createdAt"), instant(c, "updatedAt"));
    }

    private static JsonNode object(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isObject()) {
            throw new PoisonEventException("data." + field + " is missing or not an object");
        }
        return node;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw new PoisonEventException(field + " is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new PoisonEventException(field + " is not a string");
        }
        return v.asText();
    }

    private static UUID uuid(JsonNode node, String field, boolean required) {
        String s = text(node, field, required);
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID: " + s, e);
        }
    }

    private static long version(JsonNode node) {
        JsonNode v = node.get("version");
        if (v == null || !v.canConvertToLong()) {
            throw new PoisonEventException("version is missing or not an integer");
        }
        return v.asLong();
    }

    private static LocalDate date(JsonNode node, String field) {
        String s = text(node, field, false);
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " is not a date: " + s, e);
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String s = text(node, field, false);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " is not an instant: " + s, e);
        }
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(s -> {
                if (s.isTextual()) {
                    out.add(s.asText());
                }
            });
        }
        return out;
    }
}
