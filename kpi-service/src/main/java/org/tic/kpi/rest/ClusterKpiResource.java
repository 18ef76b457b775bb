package org.tic.kpi.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tic.kpi.mapping.ClusterKpisView;
import org.tic.kpi.service.ClusterKpisService;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/clusters")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cluster KPIs", description = "Per-cluster view, from the cluster read model built from membership events")
public class ClusterKpiResource {

    private final ClusterKpisService service;

    public ClusterKpiResource(ClusterKpisService service) {
        this.service = service;
    }

    @GET
    @Path("/{id}/kpis")
    @Operation(operationId = "getClusterKpis", summary = "A cluster's KPI figures", description = "Its figures per bucket (own and inherited from "
            + "merged clusters), the projects attributed to it (marked shared when several clusters take part), its "
            + "status history, and whether it counts in the initiative totals on asOf (default today).")
    @APIResponse(responseCode = "200", description = "The cluster's figures")
    @APIResponse(responseCode = "404", description = "No such cluster in the read model")
    public ClusterKpisView kpis(@PathParam("id") UUID id, @QueryParam("asOf") LocalDate asOf) {
        return service.clusterKpis(id, asOf);
    }
}
