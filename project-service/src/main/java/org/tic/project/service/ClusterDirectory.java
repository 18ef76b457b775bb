package org.tic.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rules.RuleViolation;
import org.tic.project.domain.ClusterSnapshot;
import org.tic.project.domain.OrganizationSnapshot;
import org.tic.project.mapping.ClusterRefView;
import org.tic.project.mapping.ClusterView;
import org.tic.project.repository.ClusterSnapshotRepository;
import org.tic.project.repository.OrganizationSnapshotRepository;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What projects know about clusters and organizations: the read model built from membership.events, never a call
 * to membership-service. Resolves merges (a reference to a merged cluster is carried on by its successor) and
 * checks references when a project is written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClusterDirectory {

    private final ClusterSnapshotRepository clusters;
    private final OrganizationSnapshotRepository organizations;

    public ClusterDirectory(ClusterSnapshotRepository clusters, OrganizationSnapshotRepository organizations) {
        this.clusters = clusters;
        this.organizations = organizations;
    }

    /** Loads the clusters with their successors; the map answers for every id the read model knows. */
    public Map<UUID, ClusterSnapshot> load(Collection<UUID> ids) {
        return clusters.withSuccessors(ids);
    }

    public ClusterSnapshotRepository.Page search(String slug, String status, String country, PageRequest page) {
        return clusters.search(slug, status, country, page);
    }

    public ClusterSnapshot get(UUID id) {
        return clusters.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Cluster", id));
    }

    /**
     * Checks the clusters a project is about to refer to. The lead must be a SIGNATORY when it is set or changed;
     * every newly referenced cluster must be known and not merged away (refer to its successor instead). Clusters
     * already referenced stay valid whatever happened to them since.
     *
     * @param previous the clusters referenced before this write (empty on create)
     */
    public Map<UUID, ClusterSnapshot> checkReferences(UUID lead, List<UUID> participating, UUID previousLead,
                                                      Set<UUID> previous) {
        Set<UUID> all = new HashSet<>(participating);
        all.add(lead);
        Map<UUID, ClusterSnapshot> known = load(all);
        List<String> unknown = all.stream().filter(id -> !known.containsKey(id)).map(UUID::toString).sorted().toList();
        if (!unknown.isEmpty()) {
            String field = unknown.contains(lead.toString()) ? "leadClusterId" : "participatingClusterIds";
            throw RuleViolation.unprocessable("unknown-cluster", "Unknown cluster",
                    "Cluster" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + " "
                            + (unknown.size() > 1 ? "are" : "is") + " not known to project-service (not seen on membership.events)",
                    Map.of("field", field, "clusterIds", unknown));
        }
        if (!lead.equals(previousLead)) {
            ClusterSnapshot c = known.get(lead);
            if (!c.isSignatory()) {
                Map<String, Object> ext = describe(c, "leadClusterId");
                String successorHint = ClusterSnapshot.MERGED.equals(c.status) && c.successorId != null
                        ? "; it was merged into " + label(known.get(c.successorId), c.successorId) + ", lead with that cluster"
                        : "";
                throw RuleViolation.unprocessable("lead-cluster-not-signatory", "Lead cluster is not a signatory",
                        "The lead cluster " + label(c, c.id) + " is " + c.status + "; only a SIGNATORY cluster can lead a project"
                                + successorHint, ext);
            }
        }
        for (UUID id : participating) {
            ClusterSnapshot c = known.get(id);
            if (!previous.contains(id) && ClusterSnapshot.MERGED.equals(c.status)) {
                Map<String, Object> ext = describe(c, "participatingClusterIds");
                throw RuleViolation.unprocessable("cluster-merged", "Cluster merged",
                        "Cluster " + label(c, c.id) + " was merged into " + label(known.get(c.successorId), c.successorId)
                                + "; refer to that cluster instead", ext);
            }
        }
        return known;
    }

    /** Resolves partner organizations: each given id must be a live organization of the read model. */
    public Map<UUID, OrganizationSnapshot> checkOrganizations(Collection<UUID> ids) {
        Map<UUID, OrganizationSnapshot> found = new LinkedHashMap<>();
        for (UUID id : new HashSet<>(ids)) {
            OrganizationSnapshot o = organizations.findById(id);
            if (o == null || o.deleted) {
                throw RuleViolation.unprocessable("unknown-organization", "Unknown organization",
                        "Organization " + id + (o == null ? " is not known to project-service (not seen on membership.events)"
                                : " was deleted"), Map.of("field", "partners", "organizationId", id.toString()));
            }
            found.put(id, o);
        }
        return found;
    }

    public Map<UUID, ClusterRefView> refs(Collection<UUID> ids) {
        return refs(load(ids), ids);
    }

    public Map<UUID, ClusterRefView> refs(Map<UUID, ClusterSnapshot> known, Collection<UUID> ids) {
        Map<UUID, ClusterRefView> out = new LinkedHashMap<>();
        for (UUID id : ids) {
            if (id == null) {
                continue;
            }
            ClusterSnapshot c = known.get(id);
            out.put(id, c == null
                    ? new ClusterRefView(id, null, null, null, null, null, id)
                    : new ClusterRefView(c.id, c.slug, c.name, c.country, c.status, c.successorId, current(known, c)));
        }
        return out;
    }

    public ClusterView toView(ClusterSnapshot c, Map<UUID, ClusterSnapshot> known) {
        return new ClusterView(c.id, c.slug, c.name, c.country, c.subnationalRegion, c.worldRegion, c.type,
                List.copyOf(c.sectors), c.status, c.joinedDate, c.joinedYear, c.successorId, current(known, c), c.version,
                c.syncedAt);
    }

    /** The end of the successor chain (guarded against cycles in bad data). */
    static UUID current(Map<UUID, ClusterSnapshot> known, ClusterSnapshot c) {
        UUID id = c.id;
        Set<UUID> seen = new HashSet<>();
        ClusterSnapshot at = c;
        while (at != null && at.successorId != null && seen.add(at.id)) {
            id = at.successorId;
            at = known.get(id);
        }
        return id;
    }

    private static Map<String, Object> describe(ClusterSnapshot c, String field) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("field", field);
        ext.put("clusterId", c.id.toString());
        ext.put("clusterSlug", c.slug);
        ext.put("clusterName", c.name);
        ext.put("clusterStatus", c.status);
        if (c.successorId != null) {
            ext.put("successorId", c.successorId.toString());
        }
        return ext;
    }

    private static String label(ClusterSnapshot c, UUID id) {
        return c == null ? String.valueOf(id) : "'" + c.name + "' (" + c.slug + ", " + c.id + ")";
    }
}
