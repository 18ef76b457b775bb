package org.tic.kpi.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageResponse;
import org.tic.commons.rules.RuleViolation;
import org.tic.kpi.repository.DashboardQueryRepository;
import org.tic.kpi.service.InitiativeService;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The initiative's clusters as a list (for dashboards: sortable, filterable, paged) and a cluster's projects.
 * Public: read models of public membership and project data only. ETag / Cache-Control: {@link DashboardCacheFilter}.
 */
@Path("/api/v1/initiative/clusters")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Initiative roll-ups", description = "Totals with coverage, as of any date; breakdowns, time series, pipeline")
public class DashboardClusterResource {

    private final DashboardQueryRepository queries;
    private final InitiativeService initiative;

    public DashboardClusterResource(DashboardQueryRepository queries, InitiativeService initiative) {
        this.queries = queries;
        this.initiative = initiative;
    }

    @GET
    @Operation(operationId = "listInitiativeClusters", summary = "Clusters, with their status on a date", description = "Every cluster that had a status on asOf "
            + "(default today), with that status, whether it counts in the initiative totals, when it first counted as a "
            + "signatory and how many projects it leads or takes part in. Filters: q (name or slug contains, any case), "
            + "country, worldRegion, type, status (on asOf; SIGNATORY gives the clusters the totals count). Sort: name, "
            + "country, worldRegion, type, status, signatorySince, projects, comma-separated, prefix - for descending "
            + "(unknown values last). Strong ETag and Cache-Control: send If-None-Match to get 304.")
    @APIResponse(responseCode = "200", description = "A page of clusters")
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
    @APIResponse(responseCode = "400", description = "asOf in the future, unknown sort field, or bad page/size")
    public PageResponse<DashboardViews.ClusterRow> list(
            @Parameter(example = "2025-01-22") @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "Name or slug contains (any case)") @QueryParam("q") String q,
            @Parameter(example = "GB") @QueryParam("country") String country,
            @Parameter(example = "EUROPE") @QueryParam("worldRegion") String worldRegion,
            @Parameter(example = "PORT") @QueryParam("type") String type,
            @Parameter(description = "Status on asOf", example = "SIGNATORY") @QueryParam("status") String status,
            @Parameter(example = "-signatorySince,name") @QueryParam("sort") String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        PageRequest pr = PageRequest.of(page, size);
        if (q != null && q.length() > 200) {
            throw RuleViolation.invalid("q", "must be at most 200 characters");
        }
        var result = queries.clusters(date(asOf), new DashboardQueryRepository.ClusterFilter(q, country, worldRegion, type, status),
                sort, pr);
        return PageResponse.of(result.items(), pr, result.total(), DashboardMapper::toView);
    }

    @GET
    @Path("/{id}/projects")
    @Operation(operationId = "listInitiativeClusterProjects", summary = "A cluster's projects", description = "Projects the cluster leads or takes part in, and those of "
            + "clusters merged into it on or before asOf (default today), with their current stage, FID date, capacity and "
            + "estimated CO2e reduction (from project events). Reported KPI values of projects: /api/v1/clusters/{id}/kpis.")
    @APIResponse(responseCode = "200", description = "The projects, by name")
    @APIResponse(responseCode = "404", description = "No such cluster in the read model")
    public List<DashboardViews.ProjectRow> projects(@PathParam("id") UUID id, @QueryParam("asOf") LocalDate asOf) {
        return queries.projects(id, date(asOf)).orElseThrow(() -> ProblemException.notFound("Cluster", id))
                .stream().map(DashboardMapper::toView).toList();
    }

    private LocalDate date(LocalDate asOf) {
        LocalDate today = initiative.today();
        if (asOf == null) {
            return today;
        }
        if (asOf.isAfter(today)) {
            throw RuleViolation.invalid("asOf", "must not be in the future");
        }
        return asOf;
    }
}
