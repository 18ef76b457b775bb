package org.tic.kpi.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.tic.kpi.domain.ProjectRecord;
import org.tic.kpi.domain.RollupCalculator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ProjectRecordRepository implements PanacheRepositoryBase<ProjectRecord, UUID> {

    public List<RollupCalculator.ProjectInfo> allInfos() {
        return listAll().stream().map(ProjectRecord::info).toList();
    }

    /** Projects any of the clusters leads or takes part in. */
    public List<ProjectRecord> forClusters(List<UUID> clusterIds) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (UUID clusterId : clusterIds) {
            @SuppressWarnings("unchecked")
            List<UUID> found = getEntityManager().createNativeQuery("""
                            select id from project_record
                            where lead_cluster_id = ?1 or participating_cluster_ids @> array[?1]::uuid[]""", UUID.class)
                    .setParameter(1, clusterId)
                    .getResultList();
            ids.addAll(found);
        }
        return ids.isEmpty() ? List.of() : list("id in ?1 order by name", List.copyOf(ids));
    }
}
