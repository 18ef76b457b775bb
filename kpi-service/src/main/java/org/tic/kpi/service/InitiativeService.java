package org.tic.kpi.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rules.RuleViolation;
import org.tic.kpi.config.KpiConfig;
import org.tic.kpi.domain.ClusterRecord;
import org.tic.kpi.domain.KpiUnit;
import org.tic.kpi.domain.Metric;
import org.tic.kpi.domain.ProjectRecord;
import org.tic.kpi.domain.PublishedSnapshot;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.domain.RollupCalculator.Input;
import org.tic.kpi.domain.RollupCombiner;
import org.tic.kpi.domain.RollupCalculator.Rollup;
import org.tic.kpi.domain.StatusTimeline;
import org.tic.kpi.domain.SubjectType;
import org.tic.kpi.domain.UnitDimension;
import org.tic.kpi.mapping.BreakdownView;
import org.tic.kpi.mapping.ClusterKpisView;
import org.tic.kpi.mapping.PipelineView;
import org.tic.kpi.mapping.RollupMapper;
import org.tic.kpi.mapping.SummaryView;
import org.tic.kpi.mapping.TimeSeriesView;
import org.tic.kpi.mapping.TotalView;
import org.tic.kpi.repository.ClusterRecordRepository;
import org.tic.kpi.repository.ProjectRecordRepository;
import org.tic.kpi.repository.PublishedSnapshotRepository;
import org.tic.kpi.repository.RollupQueries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The initiative's views (summary, breakdowns, time series, one cluster's figures, the pipeline), built from the
 * roll-up of a date that {@link RollupStore} loads and caches: plain signatories aggregated in PostgreSQL, the linked
 * ones (merges, projects) evaluated by {@link RollupCalculator}, added up by {@link RollupCombiner}. Breakdowns and
 * other derived parts are memoised with the roll-up they come from.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InitiativeService {

    public static final List<String> STAGE_ORDER = List.of("CONCEPT", "FEASIBILITY", "FEED", "BANKABLE", "FID",
            "UNDER_CONSTRUCTION", "OPERATIONAL", "ON_HOLD", "CANCELLED", "DECOMMISSIONED");

    public enum BreakdownBy {
        COUNTRY("country"), WORLD_REGION("worldRegion"), CLUSTER_TYPE("clusterType"), SECTOR("sector"),
        PROJECT_CATEGORY("projectCategory"), STAGE("stage");

        public final String param;

        BreakdownBy(String param) {
            this.param = param;
        }

        public static BreakdownBy parse(String value) {
            for (BreakdownBy b : values()) {
                if (b.param.equals(value)) {
                    return b;
                }
            }
            throw RuleViolation.invalid("by", "must be one of country, worldRegion, clusterType, sector, projectCategory, stage");
        }
    }

    private final ClusterRecordRepository clusters;
    private final ProjectRecordRepository projects;
    private final RollupStore store;
    private final RollupQueries queries;
    private final PublishedSnapshotRepository published;
    private final RollupMapper mapper;
    private final KpiConfig config;

    public InitiativeService(ClusterRecordRepository clusters, ProjectRecordRepository projects, RollupStore store,
                             RollupQueries queries, PublishedSnapshotRepository published, RollupMapper mapper,
                             KpiConfig config) {
        this.clusters = clusters;
        this.projects = projects;
        this.store = store;
        this.queries = queries;
        this.published = published;
        this.mapper = mapper;
        this.config = config;
    }

    /** Today's initiative figures with the data version they were computed at (for the totals tracker). */
    public Map.Entry<Long, RollupCombiner.Initiative> rollupToday() {
        RollupStore.Dated t = store.at(null);
        return Map.entry(t.version(), t.initiative());
    }

    public LocalDate today() {
        return store.today();
    }

    public SummaryView summary(LocalDate asOf) {
        RollupStore.Dated r = store.at(asOf);
        RollupCombiner.Initiative i = r.initiative();
        int yearOnly = store.derived(asOf, "yearOnly", (d, q) -> clusters.yearOnlySignatoriesOn(d.date()));
        return new SummaryView(i.asOf(), r.current() ? "CURRENT_VALUES" : "REPORT_HISTORY",
                i.signatories(), i.countries().size(), List.copyOf(i.countries()), yearOnly,
                mapper.toViews(i.totals(), "CLUSTERS"), publishedBeside(i));
    }

    private SummaryView.PublishedView publishedBeside(RollupCombiner.Initiative r) {
        PublishedSnapshot p = published.latestOnOrBefore(r.asOf()).orElse(null);
        if (p == null) {
            return null;
        }
        BigDecimal co2eGap = null;
        if (p.co2eMt != null && p.co2eMetricType != null) {
            // Only compare like with like: a single summable bucket of the published metric type.
            List<RollupCalculator.Total> same = r.totals().stream()
                    .filter(t -> t.bucket().metric() == Metric.CO2E && t.bucket().summable()
                            && t.bucket().co2eMetricType().name().equals(p.co2eMetricType))
                    .toList();
            if (same.size() == 1) {
                co2eGap = RollupMapper.plain(same.get(0).total().subtract(p.co2eMt));
            }
        }
        SummaryView.Gap gap = new SummaryView.Gap(
                p.clusters == null ? null : r.signatories() - p.clusters,
                p.countries == null ? null : r.countries().size() - p.countries,
                co2eGap);
        return new SummaryView.PublishedView(p.asOf, p.clusters, p.countries, RollupMapper.plain(p.co2eMt), p.co2eWording,
                p.co2eMetricType, RollupMapper.plain(p.gdpUsdBn), RollupMapper.plain(p.jobsMillion), p.jobsWording,
                p.sourceUrl, p.note, gap);
    }

    public BreakdownView breakdown(BreakdownBy by, LocalDate asOf) {
        return switch (by) {
            case COUNTRY -> byCluster(by, asOf, RollupQueries.Dimension.COUNTRY, c -> single(c.country()));
            case WORLD_REGION -> byCluster(by, asOf, RollupQueries.Dimension.WORLD_REGION, c -> single(c.worldRegion()));
            case CLUSTER_TYPE -> byCluster(by, asOf, RollupQueries.Dimension.CLUSTER_TYPE, c -> single(c.type()));
            case SECTOR -> byCluster(by, asOf, RollupQueries.Dimension.SECTOR, RollupCalculator.ClusterInfo::sectors);
            // Project groups hold only project-level values: all of them are in the linked (in-memory) part.
            case PROJECT_CATEGORY -> store.at(asOf).derive("breakdown:" + by, d -> breakdown(by, d.date(),
                    RollupCalculator.breakdownByProject(d.linked(), RollupCalculator.ProjectInfo::category)));
            case STAGE -> store.at(asOf).derive("breakdown:" + by, d -> breakdown(by, d.date(),
                    RollupCalculator.breakdownByProject(d.linked(), RollupCalculator.ProjectInfo::stage)));
        };
    }

    private BreakdownView byCluster(BreakdownBy by, LocalDate asOf, RollupQueries.Dimension dim,
                                    Function<RollupCalculator.ClusterInfo, java.util.Collection<String>> keys) {
        return store.derived(asOf, "breakdown:" + by, (d, q) -> breakdown(by, d.date(), RollupCombiner.breakdown(
                q.plainGroups(d.date(), d.current(), dim).values(), RollupCalculator.breakdownByCluster(d.linked(), keys))));
    }

    private BreakdownView breakdown(BreakdownBy by, LocalDate asOf, List<RollupCalculator.Group> groups) {
        String note;
        String counted = "CLUSTERS";
        if (by == BreakdownBy.PROJECT_CATEGORY || by == BreakdownBy.STAGE) {
            counted = "PROJECTS";
            note = "Project-level reports only (cluster-level figures cannot be split by project); each reported "
                    + "project once, whether or not a cluster figure covers it. Coverage counts projects.";
        } else if (by == BreakdownBy.SECTOR) {
            note = "A cluster counts in each of its sectors, so groups can add up to more than the initiative totals.";
        } else {
            note = "A project shared by clusters in different groups counts in each of those groups (and once in "
                    + "the initiative totals).";
        }
        String c = counted;
        List<BreakdownView.GroupView> views = groups.stream().map(g -> new BreakdownView.GroupView(g.key(), g.clusters(),
                List.copyOf(g.countries()), g.projects(), g.sharedProjects(), mapper.toViews(g.totals(), c))).toList();
        if (by == BreakdownBy.STAGE) {
            views = new ArrayList<>(views);
            views.sort(Comparator.comparing(v -> stageRank(v.key())));
        }
        return new BreakdownView(asOf, by.param, note, views);
    }

    public TimeSeriesView timeSeries(LocalDate from, LocalDate to, String interval) {
        LocalDate end = to == null ? today() : to;
        if (end.isAfter(today())) {
            throw RuleViolation.invalid("to", "must not be in the future");
        }
        String step = interval == null ? "month" : interval.toLowerCase(Locale.ROOT);
        LocalDate start = from == null ? end.minusYears(1) : from;
        if (start.isAfter(end)) {
            throw RuleViolation.invalid("from", "must not be after to");
        }
        List<LocalDate> dates = new ArrayList<>();
        int max = config.rollups().maxTimeSeriesPoints();
        for (int i = 0; ; i++) {
            LocalDate d = switch (step) {
                case "month" -> start.plusMonths(i);
                case "quarter" -> start.plusMonths(3L * i);
                case "year" -> start.plusYears(i);
                default -> throw RuleViolation.invalid("interval", "must be month, quarter or year");
            };
            if (d.isAfter(end)) {
                break;
            }
            dates.add(d);
            if (dates.size() > max) {
                throw RuleViolation.invalid("from", "the series would have more than " + max
                        + " points; narrow the range or use a longer interval");
            }
        }
        if (!dates.get(dates.size() - 1).equals(end)) {
            dates.add(end);
        }

        // Each point is the roll-up of its date (cached per date like any as-of read).
        List<TimeSeriesView.PointView> points = new ArrayList<>();
        for (LocalDate d : dates) {
            RollupCombiner.Initiative r = store.at(d).initiative();
            List<TimeSeriesView.PointTotal> totals = r.totals().stream().map(t -> new TimeSeriesView.PointTotal(
                    t.bucket().key(), t.bucket().label(), t.bucket().baseUnit().name(), RollupMapper.plain(t.total()),
                    t.reporting(), t.inScope())).toList();
            points.add(new TimeSeriesView.PointView(d, r.signatories(), r.countries().size(), totals));
        }
        return new TimeSeriesView(start, end, step, points);
    }

    public PipelineView pipeline() {
        List<ProjectRecord> all = projects.listAll();
        Map<String, List<ProjectRecord>> byStage = new TreeMap<>(Comparator.comparing(InitiativeService::stageRank)
                .thenComparing(Comparator.naturalOrder()));
        Map<String, Map<String, Integer>> byCategory = new TreeMap<>();
        int fid = 0;
        for (ProjectRecord p : all) {
            String stage = p.stage == null ? "UNKNOWN" : p.stage;
            String category = p.category == null ? "UNKNOWN" : p.category;
            byStage.computeIfAbsent(stage, k -> new ArrayList<>()).add(p);
            byCategory.computeIfAbsent(category, k -> new LinkedHashMap<>()).merge(stage, 1, Integer::sum);
            if (p.fidDate != null) {
                fid++;
            }
        }
        List<PipelineView.StageView> stages = new ArrayList<>();
        for (var e : byStage.entrySet()) {
            Map<String, Integer> categories = new TreeMap<>();
            Map<String, BigDecimal> capacity = new TreeMap<>();
            Map<String, Integer> capacityCount = new HashMap<>();
            Map<String, BigDecimal> co2e = new TreeMap<>();
            Map<String, Integer> co2eCount = new HashMap<>();
            for (ProjectRecord p : e.getValue()) {
                categories.merge(p.category == null ? "UNKNOWN" : p.category, 1, Integer::sum);
                if (p.capacityValue != null && p.capacityUnit != null) {
                    capacity.merge(p.capacityUnit, p.capacityValue, BigDecimal::add);
                    capacityCount.merge(p.capacityUnit, 1, Integer::sum);
                }
                if (p.co2eValue != null) {
                    String[] unitAndValue = co2eInMt(p);
                    String key = (p.co2eMetricType == null ? "UNSPECIFIED" : p.co2eMetricType) + "|" + unitAndValue[0];
                    co2e.merge(key, new BigDecimal(unitAndValue[1]), BigDecimal::add);
                    co2eCount.merge(key, 1, Integer::sum);
                }
            }
            List<PipelineView.Amount> capacities = capacity.entrySet().stream().map(c -> new PipelineView.Amount(c.getKey(),
                    null, RollupMapper.plain(c.getValue()), capacityCount.get(c.getKey()))).toList();
            List<PipelineView.Amount> co2es = co2e.entrySet().stream().map(c -> {
                String[] k = c.getKey().split("\\|", 2);
                return new PipelineView.Amount(k[1], k[0], RollupMapper.plain(c.getValue()), co2eCount.get(c.getKey()));
            }).toList();
            stages.add(new PipelineView.StageView(e.getKey(), e.getValue().size(), categories, capacities, co2es));
        }
        return new PipelineView(all.size(), fid, stages, byCategory);
    }

    /** CO2e estimates in Mt CO2e/yr when the unit is one of ours; otherwise kept in their own unit. */
    private static String[] co2eInMt(ProjectRecord p) {
        try {
            KpiUnit unit = KpiUnit.valueOf(p.co2eUnit);
            if (unit.dimension() == UnitDimension.CO2E_RATE) {
                return new String[]{KpiUnit.MT_CO2E_PER_YEAR.name(), unit.toBase(p.co2eValue).toPlainString()};
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // an upstream unit we do not know: shown as is, never added to others
        }
        return new String[]{p.co2eUnit == null ? "UNSPECIFIED" : p.co2eUnit, p.co2eValue.toPlainString()};
    }

    public ClusterKpisView clusterKpis(UUID clusterId, LocalDate asOf) {
        ClusterRecord c = clusters.findByIdOptional(clusterId).orElseThrow(() -> ProblemException.notFound("Cluster", clusterId));
        RollupStore.Dated dated = store.at(asOf);
        LocalDate d = dated.date();
        List<StatusTimeline.Period> periods = clusters.periods(clusterId);
        boolean linked = dated.derive("linkedIds", InitiativeService::linkedIds).contains(clusterId);
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

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static int stageRank(String stage) {
        int i = STAGE_ORDER.indexOf(stage);
        return i < 0 ? STAGE_ORDER.size() : i;
    }

    /** Rows for the CSV export of totals. */
    public static Function<TotalView, List<Object>> totalRow() {
        return t -> List.of(t.key(), t.label(), t.unit(), t.total() == null ? "" : t.total(), t.coverage().reporting(),
                t.coverage().of(), t.fromClusterReports() == null ? "" : t.fromClusterReports(),
                t.fromProjectReports() == null ? "" : t.fromProjectReports(), t.projectsCounted(),
                t.projectsCoveredByClusterFigures(), t.inheritedFromMergedClusters(), t.reportsUsed());
    }
}
