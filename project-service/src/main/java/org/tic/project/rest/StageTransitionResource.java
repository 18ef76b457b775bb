package org.tic.project.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageResponse;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import org.tic.project.mapping.ProjectMapper;
import org.tic.project.mapping.StageTransitionRequest;
import org.tic.project.mapping.StageTransitionView;
import org.tic.project.service.StageService;

import java.util.UUID;

@Path("/api/v1/projects/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stages", description = "Stage moves and the dated stage history of a project")
public class StageTransitionResource {

    private final StageService service;
    private final ProjectMapper mapper;
    private final Caller caller;

    public StageTransitionResource(StageService service, ProjectMapper mapper, Caller caller) {
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/stage-transitions")
    @Operation(operationId = "createStageTransition", summary = "Move a project to another stage", description = "Role: secretariat, or cluster-coordinator "
            + "of the project's lead cluster. Forward one stage at a time; skipping "
            + "stages (e.g. FID before BANKABLE) needs a skipReason. BANKABLE needs the readiness checklist complete "
            + "or override with an overrideReason. ON_HOLD resumes to the stage it was in; CANCELLED (with the reason "
            + "in note) and DECOMMISSIONED (only from OPERATIONAL) are final. The date may not be in the future nor "
            + "before the previous move. The response's ETag is the project's new version.")
    @APIResponse(responseCode = "201", description = "Recorded; ETag is the project's new version", content = @Content(schema = @Schema(implementation = StageTransitionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a coordinator of the lead cluster")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "409", description = "The project changed concurrently")
    @APIResponse(responseCode = "412", description = "If-Match does not match the project's version")
    @APIResponse(responseCode = "422", description = "The move breaks a stage rule (the problem type names it; "
            + "'allowed' lists the reachable stages)")
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               StageTransitionRequest request, @Context UriInfo uri) {
        StageService.Result result = service.transition(id, ifMatch, request, caller.actor());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/projects").path(id.toString()).path("stage-history").build())
                .tag(String.valueOf(result.projectVersion())).entity(result.transition()).build();
    }

    @GET
    @PermitAll
    @Path("/stage-history")
    @Operation(operationId = "listStageHistory", summary = "The dated stage history", description = "Public. Oldest first; the first entry is the stage the "
            + "project was registered at.")
    @APIResponse(responseCode = "200", description = "A page of the history")
    @APIResponse(responseCode = "404", description = "No such project")
    public PageResponse<StageTransitionView> history(@PathParam("id") UUID id, @QueryParam("page") Integer page,
                                                     @QueryParam("size") Integer size,
            @Parameter(description = PageRequest.COUNT_DESCRIPTION, schema = @Schema(enumeration = {"estimated", "exact"}))
            @QueryParam("count") String count) {
        PageRequest pr = PageRequest.of(page, size == null ? 100 : size, count);
        var result = service.history(id, pr);
        return PageResponse.of(result.items(), pr, result.total(), mapper::toView);
    }
}
