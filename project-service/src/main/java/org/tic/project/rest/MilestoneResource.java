package org.tic.project.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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

    public MilestoneResource(MilestoneService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "A project's milestones", description = "In life-cycle order; at most one per type, so not paged.")
    @APIResponse(responseCode = "200", description = "The milestones")
    @APIResponse(responseCode = "404", description = "No such project")
    public List<MilestoneView> list(@PathParam("id") UUID id) {
        return service.list(id);
    }

    @GET
    @Path("/{type}")
    @Operation(summary = "One milestone")
    @APIResponse(responseCode = "200", description = "The milestone")
    @APIResponse(responseCode = "404", description = "No such project or milestone")
    public MilestoneView get(@PathParam("id") UUID id, @PathParam("type") MilestoneType type) {
        return service.get(id, type);
    }

    @PUT
    @Path("/{type}")
    @Operation(summary = "Set a milestone's planned and actual dates", description = "Both dates null clears it. An "
            + "actual date may not be in the future; an actual FID date needs the project at FID or later. The "
            + "response's ETag is the project's new version; If-Match is checked against it.")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "412", description = "If-Match does not match the project's version")
    @APIResponse(responseCode = "422", description = "Actual date in the future, or FID before the FID stage")
    public Response put(@PathParam("id") UUID id, @PathParam("type") MilestoneType type,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, MilestoneRequest request,
                        @Context SecurityContext security) {
        MilestoneService.Result result = service.put(id, type, ifMatch, request, Actors.of(security));
        return Response.ok(result.milestone()).tag(String.valueOf(result.projectVersion())).build();
    }
}
