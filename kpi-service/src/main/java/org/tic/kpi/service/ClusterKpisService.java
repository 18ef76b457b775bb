package org.tic.kpi.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.error.ProblemException;
import org.tic.kpi.domain.ClusterRecord;
import org.tic.kpi.domain.ProjectRecord;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.domain.RollupCalculator.Input;
import org.tic.kpi.domain.RollupCalculator.Rollup;
import org.tic.kpi.domain.StatusTimeline;
import org.tic.kpi.domain.SubjectType;
import org.tic.kpi.mapping.ClusterKpisView;
import org.tic.kpi.mapping.RollupMapper;
import org.tic.kpi.repository.ClusterRecordRepository;
import org.tic.kpi.repository.ProjectRecordRepository;
import org.tic.kpi.repository.RollupQueries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One cluster's figures on a date: whether it counts, why not, its own and inherited values and its projects'. A
 * cluster in the linked part of the roll-up (a merge, a project) reads the figures {@link RollupStore} cached for that
 * date; any other cluster's figures are its own values alone, computed here without loading the roll-up's input.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClusterKpisService {

    private final ClusterRecordRepository clusters;
    private final ProjectRecordRepository projects;
    private final RollupStore store;
    private final RollupQueries queries;

    public ClusterKpisService(ClusterRecordRepository clusters, ProjectRecordRepository projects, RollupStore store,
                              RollupQueries queries) {
        this.clusters = clusters;
        this.projects = projects;
        this.store = store;
        this.queries = queries;
    }

    public ClusterKpisView clusterKpis(UUID clusterId, LocalDate asOf) {
        ClusterRecord c = clusters.findByIdOptional(clusterId).orElseThrow(() -> ProblemException.notFound("Cluster", clusterId));
        RollupStore.Dated dated = store.at(asOf);
        LocalDate d = dated.date();
        List<StatusTimeline.Period> periods = clusters.periods(clusterId);
        boolean linked = dated.derive("linkedIds", ClusterKpisService::linkedIds).contains(clusterId);
        Input input;
        Rollup r;
        Map<UUID, List<RollupCalculator.ClusterFigure>> figuresByCluster;
        Map<UUID, List<RollupCalculator.Value>> projectValues;
        if (linked) {
            // Indexes of the linked part by cluster and by project, memoised with it.
            input = dated.linkedInput();
            r = dated.linked();
            figuresByCluster = dated.derive("figuresByCluster", t -> figuresByCluster(t.linked()));
            projectValues = dated.derive("projectValues", t -> projectValues(t.linkedInput()));
        } else {
            // In no merge and no project: the cluster's figures are its own values alone.
            boolean signatory = "SIGNATORY".equals(StatusTimeline.statusOn(periods, d));
            input = new Input(d, signatory ? List.of(c.info()) : List.of(), List.of(), List.of(),
                    queries.valuesOf(SubjectType.CLUSTER, clusterId, d, dated.current()));
            r = RollupCalculator.compute(input);
            figuresByCluster = figuresByCluster(r);
            projectValues = Map.of();
        }
        String status = StatusTimeline.statusOn(periods, d);
        boolean counted = r.signatories().containsKey(clusterId);
        UUID resolved = RollupCalculator.resolve(clusterId, input.merges(), d);
        UUID mergedInto = resolved.equals(clusterId) ? null : resolved;
        String reason = null;
        if (!counted) {
            reason = mergedInto != null ? "merged into " + mergedInto + "; its values count there"
                    : "not a signatory on " + d + (status == null ? "" : " (" + status + ")");
        }

        List<RollupCalculator.ClusterFigure> figures = counted
                ? figuresByCluster.getOrDefault(clusterId, List.of())
                : RollupCalculator.figuresOf(clusterId, input.values(), input.merges(), d);
        List<ClusterKpisView.FigureView> figureViews = figures.stream()
                .sorted(Comparator.comparing(f -> f.bucket().key()))
                .map(f -> new ClusterKpisView.FigureView(f.bucket().key(), f.bucket().label(), f.bucket().baseUnit().name(),
                        RollupMapper.plain(f.amount()), RollupMapper.plain(f.ownAmount()), f.reportIds(),
                        f.inheritedFrom().isEmpty() ? null : f.inheritedFrom()))
                .toList();

        // Projects of this cluster and of the clusters merged into it.
        Set<UUID> lineage = new LinkedHashSet<>();
        lineage.add(clusterId);
        for (RollupCalculator.Merge m : input.merges()) {
            if (!m.effectiveDate().isAfter(d) && RollupCalculator.resolve(m.predecessorId(), input.merges(), d).equals(clusterId)) {
                lineage.add(m.predecessorId());
            }
        }
        Map<UUID, ProjectRecord> mine = new LinkedHashMap<>();
        projects.forClusters(List.copyOf(lineage)).forEach(p -> mine.put(p.id, p));
        Map<String, RollupCalculator.ProjectFigure> rollupFigures = new HashMap<>();
        r.projectFigures().forEach(f -> rollupFigures.put(f.projectId() + "|" + f.bucket().key(), f));
        List<ClusterKpisView.ProjectFigureView> projectViews = new ArrayList<>();
        for (ProjectRecord p : mine.values()) {
          for (RollupCalculator.Value v : projectValues.getOrDefault(p.id, List.of())) {
            RollupCalculator.ProjectFigure f = rollupFigures.get(p.id + "|" + v.bucket().key());
            Set<UUID> clustersOfProject = new HashSet<>();
            if (f != null) {
                clustersOfProject.addAll(f.clusters());
            } else {
                p.clusterIds().forEach(id -> clustersOfProject.add(RollupCalculator.resolve(id, input.merges(), d)));
            }
            clustersOfProject.remove(clusterId);
            List<UUID> sharedWith = clustersOfProject.stream().sorted().toList();
            projectViews.add(new ClusterKpisView.ProjectFigureView(p.id, p.name, p.category, p.stage, v.bucket().key(),
                    v.bucket().label(), v.bucket().baseUnit().name(), RollupMapper.plain(v.amount()), v.reportId(),
                    !sharedWith.isEmpty(), sharedWith.isEmpty() ? null : sharedWith, f != null && f.covered()));
          }
        }
        projectViews.sort(Comparator.comparing(ClusterKpisView.ProjectFigureView::name)
                .thenComparing(ClusterKpisView.ProjectFigureView::key));

        List<ClusterKpisView.StatusPeriodView> history = periods.stream()
                .map(p -> new ClusterKpisView.StatusPeriodView(p.status(), p.from(), p.to(), p.origin().name())).toList();
        return new ClusterKpisView(c.id, c.name, c.slug, c.country, c.worldRegion, c.type, List.copyOf(c.sectors), d,
                status, counted, reason, mergedInto, history, figureViews, projectViews);
    }

    /** The clusters the linked part covers: merged, merging, or attached to a project. */
    private static Set<UUID> linkedIds(RollupStore.Dated d) {
        Set<UUID> ids = new HashSet<>();
        d.linkedInput().merges().forEach(m -> {
            ids.add(m.predecessorId());
            ids.add(m.successorId());
        });
        d.linkedInput().projects().forEach(p -> ids.addAll(p.clusterIds()));
        return ids;
    }

    private static Map<UUID, List<RollupCalculator.ClusterFigure>> figuresByCluster(Rollup r) {
        Map<UUID, List<RollupCalculator.ClusterFigure>> m = new HashMap<>();
        r.clusterFigures().forEach(f -> m.computeIfAbsent(f.clusterId(), k -> new ArrayList<>()).add(f));
        return m;
    }

    private static Map<UUID, List<RollupCalculator.Value>> projectValues(Input input) {
        Map<UUID, List<RollupCalculator.Value>> m = new HashMap<>();
        for (RollupCalculator.Value v : input.values()) {
            if (v.subjectType() == SubjectType.PROJECT) {
                m.computeIfAbsent(v.subjectId(), k -> new ArrayList<>()).add(v);
            }
        }
        return m;
    }
}
