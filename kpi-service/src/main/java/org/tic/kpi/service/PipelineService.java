package org.tic.kpi.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.kpi.domain.KpiUnit;
import org.tic.kpi.domain.ProjectRecord;
import org.tic.kpi.domain.StageOrder;
import org.tic.kpi.domain.UnitDimension;
import org.tic.kpi.mapping.PipelineView;
import org.tic.kpi.mapping.RollupMapper;
import org.tic.kpi.repository.ProjectRecordRepository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project pipeline: projects by stage and category with their capacities and CO2e estimates, from the project
 * read model as it stands (not a roll-up: estimates are not reported values).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PipelineService {

    private final ProjectRecordRepository projects;

    public PipelineService(ProjectRecordRepository projects) {
        this.projects = projects;
    }

    public PipelineView pipeline() {
        List<ProjectRecord> all = projects.listAll();
        Map<String, List<ProjectRecord>> byStage = new TreeMap<>(Comparator.comparing(StageOrder::rank)
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
}
