package org.tic.project.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import org.tic.project.domain.MilestoneType;
import org.tic.project.mapping.MilestoneRequest;
import org.tic.project.mapping.MilestoneView;
import org.tic.project.service.MilestoneService;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/projects/{id}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones", description = "Planned vs actual dates: FID, financial close, permits, construction, operation")
public class MilestoneResource {

    private final MilestoneService service;
    private final Caller caller;

    public MilestoneResource(MilestoneService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listMilestones", summary = "A project's milestones", description = "Public. In life-cycle order; at most one per type, so not paged.")
    @APIResponse(responseCode = "200", description = "The milestones")
    @APIResponse(responseCode = "404", description = "No such project")
    public List<MilestoneView> list(@PathParam("id") UUID id) {
        return service.list(id);
    }

    @GET
    @PermitAll
    @Path("/{type}")
    @Operation(operationId = "getMilestone", summary = "One milestone", description = "Public.")
    @APIResponse(responseCode = "200", description = "The milestone")
    @APIResponse(responseCode = "404", description = "No such project or milestone")
    public MilestoneView get(@PathParam("id") UUID id, @PathParam("type") MilestoneType type) {
        return service.get(id, type);
    }

    @PUT
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR, Roles.PARTNER})
    @Path("/{type}")
    @Operation(operationId = "setMilestone", summary = "Set a milestone's planned and actual dates", description = "Role: secretariat, "
            + "cluster-coordinator of the project's lead cluster, or partner whose organization (org claim) is one of "
            + "the project's partners. Both dates null clears it. An "
            + "actual date may not be in the future; an actual FID date needs the project at FID or later. The "
            + "response's ETag is the project's new version; If-Match is checked against it.")
    @APIResponse(responseCode = "200", description = "Recorded; ETag is the project's new version", content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat, a coordinator of the lead cluster nor a partner of the project")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "412", description = "If-Match does not match the project's version")
    @APIResponse(responseCode = "422", description = "Actual date in the future, or FID before the FID stage")
    public Response put(@PathParam("id") UUID id, @PathParam("type") MilestoneType type,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, MilestoneRequest request) {
        MilestoneService.Result result = service.put(id, type, ifMatch, request, caller.actor());
        return Response.ok(result.milestone()).tag(String.valueOf(result.projectVersion())).build();
    }
}
