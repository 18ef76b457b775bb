package org.tic.kpi.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.rules.RuleViolation;
import org.tic.kpi.config.KpiConfig;
import org.tic.kpi.domain.Metric;
import org.tic.kpi.domain.PolicyLevel;
import org.tic.kpi.domain.PublishedSnapshot;
import org.tic.kpi.domain.RollupCalculator;
import org.tic.kpi.domain.RollupCombiner;
import org.tic.kpi.domain.StageOrder;
import org.tic.kpi.mapping.BreakdownView;
import org.tic.kpi.mapping.PolicyView;
import org.tic.kpi.mapping.RollupMapper;
import org.tic.kpi.mapping.SummaryView;
import org.tic.kpi.mapping.TimeSeriesView;
import org.tic.kpi.mapping.TotalView;
import org.tic.kpi.repository.ClusterRecordRepository;
import org.tic.kpi.repository.PolicyAdoptionRecordRepository;
import org.tic.kpi.repository.PublishedSnapshotRepository;
import org.tic.kpi.repository.RollupQueries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The initiative-wide views (summary, breakdowns, time series), built from the roll-up of a date that
 * {@link RollupStore} loads and caches: plain signatories aggregated in PostgreSQL, the linked ones (merges,
 * projects) evaluated by {@link RollupCalculator}, added up by {@link RollupCombiner}. Breakdowns and other derived
 * parts are memoised with the roll-up they come from. One cluster's figures are {@link ClusterKpisService}'s, the
 * project pipeline {@link PipelineService}'s.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InitiativeService {

    public enum BreakdownBy {
        COUNTRY("country"), WORLD_REGION("worldRegion"), CLUSTER_TYPE("clusterType"), SECTOR("sector"),
        PROJECT_CATEGORY("projectCategory"), STAGE("stage"), COHORT("cohort");

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
            throw RuleViolation.invalid("by", "must be one of country, worldRegion, clusterType, sector, projectCategory, stage, cohort");
        }
    }

    private final ClusterRecordRepository clusters;
    private final RollupStore store;
    private final PublishedSnapshotRepository published;
    private final PolicyAdoptionRecordRepository policies;
    private final RollupMapper mapper;
    private final KpiConfig config;

    public InitiativeService(ClusterRecordRepository clusters, RollupStore store, PublishedSnapshotRepository published,
                             PolicyAdoptionRecordRepository policies, RollupMapper mapper, KpiConfig config) {
        this.clusters = clusters;
        this.store = store;
        this.published = published;
        this.policies = policies;
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
        PolicyLevel.OnDate policy = store.derived(asOf, "policy", (d, q) -> policyOn(d.date()));
        return new SummaryView(i.asOf(), r.current() ? "CURRENT_VALUES" : "REPORT_HISTORY",
                i.signatories(), i.countries().size(), List.copyOf(i.countries()), yearOnly,
                mapper.toViews(i.totals(), "CLUSTERS"), publishedBeside(i), PolicyView.of(policy));
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
            case COHORT -> byCluster(by, asOf, RollupQueries.Dimension.COHORT, c -> single(c.cohort()));
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
        } else if (by == BreakdownBy.COHORT) {
            note = "Cohorts are the years clusters joined the initiative (UNKNOWN when not known). A project shared by "
                    + "clusters of different cohorts counts in each of them (and once in the initiative totals).";
        } else if (by == BreakdownBy.SECTOR) {
            note = "A cluster counts in each of its sectors, so groups can add up to more than the initiative totals.";
        } else {
            note = "A project shared by clusters in different groups counts in each of those groups (and once in "
                    + "the initiative totals).";
        }
        String c = counted;
        // The policy level beside the clusters of each country; an adopting country without clusters is a group too.
        Map<String, PolicyLevel.Country> policy = by == BreakdownBy.COUNTRY ? policyOn(asOf).countries() : Map.of();
        List<BreakdownView.GroupView> views = new ArrayList<>(groups.stream().map(g -> new BreakdownView.GroupView(g.key(),
                g.clusters(), List.copyOf(g.countries()), g.projects(), g.sharedProjects(), mapper.toViews(g.totals(), c),
                by != BreakdownBy.COUNTRY ? null : policy.containsKey(g.key()) ? PolicyView.CountryView.of(policy.get(g.key()))
                        : PolicyView.CountryView.none())).toList());
        if (by == BreakdownBy.COUNTRY) {
            Set<String> shown = views.stream().map(BreakdownView.GroupView::key).collect(Collectors.toSet());
            policy.values().stream().filter(p -> p.adopted() && !shown.contains(p.country())).forEach(p -> views.add(
                    new BreakdownView.GroupView(p.country(), 0, List.of(p.country()), 0, 0, List.of(), PolicyView.CountryView.of(p))));
        }
        if (by == BreakdownBy.STAGE) {
            views.sort(Comparator.comparing(v -> StageOrder.rank(v.key())));
        }
        return new BreakdownView(asOf, by.param, note, views);
    }

    public TimeSeriesView timeSeries(LocalDate from, LocalDate to, String interval) {
        return timeSeries(from, to, interval, null);
    }

    /** With {@code by}, each point also carries that breakdown's groups on its date (e.g. cohorts). */
    public TimeSeriesView timeSeries(LocalDate from, LocalDate to, String interval, BreakdownBy by) {
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
            List<TimeSeriesView.PointGroup> groups = by == null ? null : breakdown(by, d).groups().stream()
                    .map(g -> new TimeSeriesView.PointGroup(g.key(), g.clusters(), g.totals().stream()
                            .map(t -> new TimeSeriesView.PointTotal(t.key(), t.label(), t.unit().name(), t.total(),
                                    t.coverage().reporting(), t.coverage().of())).toList())).toList();
            points.add(new TimeSeriesView.PointView(d, r.signatories(), r.countries().size(), totals, groups));
        }
        return new TimeSeriesView(start, end, step, by == null ? null : by.param, points);
    }

    private PolicyLevel.OnDate policyOn(LocalDate date) {
        return PolicyLevel.on(date, policies.adoptedOnOrBefore(date));
    }

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** Rows for the CSV export of totals. */
    public static Function<TotalView, List<Object>> totalRow() {
        return t -> List.of(t.key(), t.label(), t.unit(), t.total() == null ? "" : t.total(), t.coverage().reporting(),
                t.coverage().of(), t.fromClusterReports() == null ? "" : t.fromClusterReports(),
                t.fromProjectReports() == null ? "" : t.fromProjectReports(), t.projectsCounted(),
                t.projectsCoveredByClusterFigures(), t.inheritedFromMergedClusters(), t.reportsUsed());
    }
}
