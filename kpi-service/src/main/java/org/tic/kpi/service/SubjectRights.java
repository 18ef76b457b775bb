package org.tic.kpi.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.kpi.domain.ClusterRecord;
import org.tic.kpi.domain.ProjectRecord;
import org.tic.kpi.domain.SubjectType;
import org.tic.kpi.repository.ClusterRecordRepository;
import org.tic.kpi.repository.ProjectRecordRepository;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Whether given {@link Rights} cover a KPI subject, from the read models only: a cluster report is covered by the
 * secretariat and the cluster's coordinators; a project report by the secretariat and the coordinators of any of
 * the project's clusters (lead or participating, as the project read model has them). A coordinator of the cluster
 * a merged cluster lives on in (its successor, followed along the chain) acts for the merged one too: nobody holds
 * a token for a cluster that no longer exists, and its figures pass to the successor.
 * <p>
 * Never touches the request-scoped {@code Caller}: the import worker uses it with the rights stored on the job.
 */
@ApplicationScoped
public class SubjectRights {

    private static final int MAX_SUCCESSORS = 16;

    private final ClusterRecordRepository clusters;
    private final ProjectRecordRepository projects;

    public SubjectRights(ClusterRecordRepository clusters, ProjectRecordRepository projects) {
        this.clusters = clusters;
        this.projects = projects;
    }

    public boolean covers(Rights rights, SubjectType type, UUID subjectId) {
        if (rights.secretariat()) {
            return true;
        }
        if (!rights.actsForAnyCluster() || subjectId == null) {
            return false;
        }
        if (type == SubjectType.PROJECT) {
            return projects.findByIdOptional(subjectId).map(p -> coversProject(rights, p)).orElse(false);
        }
        return coversCluster(rights, subjectId);
    }

    /** The cluster itself or, once merged, its successors. */
    public boolean coversCluster(Rights rights, UUID clusterId) {
        if (rights.mayActFor(clusterId)) {
            return true;
        }
        if (!rights.actsForAnyCluster() || clusterId == null) {
            return false;
        }
        Set<UUID> seen = new HashSet<>();
        UUID current = clusterId;
        for (int i = 0; i < MAX_SUCCESSORS && current != null && seen.add(current); i++) {
            UUID successor = clusters.findByIdOptional(current).map((ClusterRecord c) -> c.successorId).orElse(null);
            if (successor != null && rights.mayActFor(successor)) {
                return true;
            }
            current = successor;
        }
        return false;
    }

    public boolean coversProject(Rights rights, ProjectRecord project) {
        if (rights.secretariat()) {
            return true;
        }
        for (UUID clusterId : project.clusterIds()) {
            if (coversCluster(rights, clusterId)) {
                return true;
            }
        }
        return false;
    }
}
