package org.tic.project.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tic.commons.rest.PageRequest;
import org.tic.project.domain.ClusterSnapshot;
import org.tic.project.domain.Project;
import org.tic.project.domain.SourceLink;
import org.tic.project.domain.StageVocabulary;
import org.tic.project.repository.ProjectRepository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Projects as CSV, with each stage also in the IEA, GCCSI, GEM and MPP vocabularies so the rows line up with those
 * trackers' data. Cells are quoted per RFC 4180 and defused against spreadsheet formula injection. The financial
 * columns (capex, business model) are empty in the rows the caller may not see them in ({@link ProjectAccess}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProjectExport {

    static final List<String> COLUMNS = List.of("id", "name", "category", "lead_cluster_id", "lead_cluster_slug",
            "lead_cluster_name", "lead_cluster_current_id", "participating_cluster_slugs", "countries", "corridor",
            "stage", "stage_date", "fid_date", "iea_status", "gccsi_stage", "gem_status", "mpp_status",
            "capacity_value", "capacity_unit", "capacity_basis", "co2e_value", "co2e_unit", "co2e_metric_type",
            "capex_amount", "capex_currency", "capex_price_year", "business_model", "partners", "sources", "version",
            "updated_at");

    private final ProjectRepository projects;
    private final ClusterDirectory directory;
    private final ProjectAccess access;

    public ProjectExport(ProjectRepository projects, ClusterDirectory directory, ProjectAccess access) {
        this.projects = projects;
        this.directory = directory;
        this.access = access;
    }

    public String csv(ProjectRepository.Filter filter, Sort sort) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (int page = 0; ; page++) {
            PageRequest pr = PageRequest.of(page, PageRequest.MAX_SIZE);
            List<Project> items = projects.search(filter, sort, pr).items();
            Map<UUID, ClusterSnapshot> clusters = directory.load(
                    items.stream().flatMap(p -> p.clusterIds().stream()).collect(Collectors.toSet()));
            var refs = directory.refs(clusters, clusters.keySet());
            var financialsVisible = access.financialsVisible(refs);
            for (Project p : items) {
                boolean financials = financialsVisible.test(p);
                ClusterSnapshot lead = clusters.get(p.leadClusterId);
                var terms = StageVocabulary.of(p.stage);
                List<Object> row = new ArrayList<>();
                row.add(p.id);
                row.add(p.name);
                row.add(p.category);
                row.add(p.leadClusterId);
                row.add(lead == null ? null : lead.slug);
                row.add(lead == null ? null : lead.name);
                row.add(refs.containsKey(p.leadClusterId) ? refs.get(p.leadClusterId).currentClusterId() : p.leadClusterId);
                row.add(p.participatingClusterIds.stream()
                        .map(id -> clusters.containsKey(id) ? clusters.get(id).slug : id.toString())
                        .collect(Collectors.joining(";")));
                row.add(String.join(";", p.countries));
                row.add(p.corridor);
                row.add(p.stage);
                row.add(p.stageDate);
                row.add(p.fidDate);
                row.add(terms.iea());
                row.add(terms.gccsi());
                row.add(StageVocabulary.gem(p.stage, p.heldStage));
                row.add(terms.mpp());
                row.add(p.capacity == null ? null : plain(p.capacity.value));
                row.add(p.capacity == null ? null : p.capacity.unit);
                row.add(p.capacity == null ? null : p.capacity.basis);
                row.add(p.estimatedCo2eReduction == null ? null : plain(p.estimatedCo2eReduction.value));
                row.add(p.estimatedCo2eReduction == null ? null : p.estimatedCo2eReduction.unit);
                row.add(p.estimatedCo2eReduction == null ? null : p.estimatedCo2eReduction.metricType);
                row.add(!financials || p.capex == null ? null : plain(p.capex.amount));
                row.add(!financials || p.capex == null ? null : p.capex.currency);
                row.add(!financials || p.capex == null ? null : p.capex.priceYear);
                row.add(financials ? p.businessModel : null);
                row.add(p.partners.stream().map(x -> x.name() + " (" + x.role() + ")").collect(Collectors.joining("; ")));
                row.add(p.sources.stream().map(SourceLink::url).collect(Collectors.joining(" ")));
                row.add(p.version);
                row.add(p.updatedAt);
                out.append(row.stream().map(ProjectExport::cell).collect(Collectors.joining(","))).append("\r\n");
            }
            if (items.size() < pr.size()) {
                return out.toString();
            }
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet shows text, not a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
