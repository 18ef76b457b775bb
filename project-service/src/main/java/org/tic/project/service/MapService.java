package org.tic.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.project.domain.ClusterSnapshot;
import org.tic.project.domain.NetworkMap;
import org.tic.project.domain.Project;
import org.tic.project.mapping.ClusterRefView;
import org.tic.project.repository.ClusterSnapshotRepository;
import org.tic.project.repository.ProjectRepository;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Loads what the network map draws: the located clusters of the read model and every corridor. */
@ApplicationScoped
public class MapService {

    private final ClusterSnapshotRepository clusters;
    private final ProjectRepository projects;
    private final ClusterDirectory directory;

    public MapService(ClusterSnapshotRepository clusters, ProjectRepository projects, ClusterDirectory directory) {
        this.clusters = clusters;
        this.projects = projects;
        this.directory = directory;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> network(Set<String> statuses) {
        List<NetworkMap.Place> places = clusters.located().stream().map(MapService::place).toList();
        List<Project> corridors = projects.corridors();
        Set<UUID> ends = new HashSet<>();
        corridors.forEach(p -> {
            ends.add(p.originClusterId);
            ends.add(p.destinationClusterId);
        });
        Map<UUID, ClusterRefView> refs = directory.refs(ends);
        List<NetworkMap.Corridor> lines = corridors.stream().map(p -> new NetworkMap.Corridor(p.id, p.name,
                p.category.name(), p.stage.name(), current(refs, p.originClusterId), current(refs, p.destinationClusterId),
                List.copyOf(p.countries), p.corridorCommodity == null ? null : p.corridorCommodity.name(),
                p.corridorTransportMode == null ? null : p.corridorTransportMode.name())).toList();
        return NetworkMap.featureCollection(places, lines, statuses);
    }

    /** The cluster that carries this end today (its successor after a merge). */
    private static UUID current(Map<UUID, ClusterRefView> refs, UUID id) {
        ClusterRefView ref = id == null ? null : refs.get(id);
        return ref == null || ref.currentClusterId() == null ? id : ref.currentClusterId();
    }

    private static NetworkMap.Place place(ClusterSnapshot c) {
        return new NetworkMap.Place(c.id, c.slug, c.name, c.country, c.type, c.status, c.joinedYear, c.latitude, c.longitude);
    }
}
