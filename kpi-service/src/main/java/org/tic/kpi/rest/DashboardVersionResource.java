package org.tic.kpi.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tic.kpi.repository.DashboardQueryRepository;
import org.tic.kpi.service.InitiativeService;

import java.time.LocalDate;

/** A cheap endpoint for dashboards to poll: it changes when anything behind the roll-ups changes. */
@Path("/api/v1/initiative/version")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Initiative roll-ups", description = "Totals with coverage, as of any date; breakdowns, time series, pipeline")
public class DashboardVersionResource {

    private final DashboardQueryRepository queries;
    private final InitiativeService initiative;

    public DashboardVersionResource(DashboardQueryRepository queries, InitiativeService initiative) {
        this.queries = queries;
        this.initiative = initiative;
    }

    @GET
    @Operation(operationId = "getDataVersion", summary = "Data version, for polling", description = "A few index-only aggregates: poll it every few "
            + "seconds with If-None-Match and reload the roll-ups only on 200 (Cache-Control: no-cache, so caches "
            + "always revalidate). It changes with clusters, projects, reports, corrections, published figures and the "
            + "UTC day; the totals-changed event (kpi.events) is the push alternative.")
    @APIResponse(responseCode = "200", description = "The version (also the ETag)")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    public DashboardViews.DataVersion version() {
        LocalDate today = initiative.today();
        return DashboardMapper.toView(today, queries.dataFingerprint());
    }
}
