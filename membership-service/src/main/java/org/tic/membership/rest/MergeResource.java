package org.tic.membership.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.ClusterMerge;
import org.tic.membership.mapping.ClusterMapper;
import org.tic.membership.mapping.MergeRequest;
import org.tic.membership.mapping.MergeView;
import org.tic.membership.service.ClusterService;
import org.tic.membership.service.MergeService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/clusters/merges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Merges", description = "Clusters becoming one joint cluster")
public class MergeResource {

    private final MergeService merges;
    private final ClusterService clusters;
    private final ClusterMapper mapper;
    private final Caller caller;

    public MergeResource(MergeService merges, ClusterService clusters, ClusterMapper mapper, Caller caller) {
        this.caller = caller;
        this.merges = merges;
        this.clusters = clusters;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "mergeClusters", summary = "Merge clusters", description = "Predecessors become MERGED with a successor link; their active "
            + "parties move to the successor; history stays. The successor is an existing cluster or a new one.")
    @APIResponse(responseCode = "201", description = "Merged", content = @Content(schema = @Schema(implementation = MergeView.class)))
    @APIResponse(responseCode = "400", description = "Fewer than two clusters, or both/neither successor forms")
    @APIResponse(responseCode = "409", description = "A cluster is withdrawn or already merged")
    public Response merge(MergeRequest request, @Context UriInfo uri) {
        MergeService.Result r = merges.merge(request, caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(r.merge().id.toString()).build())
                .entity(view(r.merge())).build();
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(operationId = "getClusterMerge", summary = "Get a merge",
            description = "Public. The successor as it is now, the predecessors' ids, the effective date and the reason.")
    public MergeView get(@PathParam("id") UUID id) {
        return view(merges.get(id));
    }

    private MergeView view(ClusterMerge m) {
        return new MergeView(m.id, mapper.toView(clusters.get(m.successorId)), List.copyOf(m.predecessorIds),
                m.effectiveDate, m.reason, m.createdAt);
    }
}
