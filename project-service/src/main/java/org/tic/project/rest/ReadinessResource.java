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
import org.tic.project.domain.ReadinessItemKey;
import org.tic.project.mapping.ReadinessItemRequest;
import org.tic.project.mapping.ReadinessView;
import org.tic.project.service.ReadinessService;

import org.tic.commons.revision.RevisionHistory;
import org.tic.project.service.HistoryService;
import java.time.LocalDate;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;

@Path("/api/v1/projects/{id}/readiness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Readiness", description = "The bankability checklist: what lenders ask for before a project is bankable")
public class ReadinessResource {

    private final HistoryService history;
    private final ReadinessService service;
    private final Caller caller;

    public ReadinessResource(HistoryService history, ReadinessService service, Caller caller) {
        this.service = service;
        this.history = history;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "getReadiness", summary = "The checklist and its computed summary", description = "Public. Every item is listed; an item "
            + "never recorded is NOT_STARTED. The ETag is the project's version.")
    @APIResponse(responseCode = "200", description = "The checklist; ETag is the project's version", content = @Content(schema = @Schema(implementation = ReadinessView.class)))
    @APIResponse(responseCode = "404", description = "No such project")
    public Response get(@PathParam("id") UUID id) {
        ReadinessView view = service.get(id);
        return Response.ok(view).tag(String.valueOf(view.projectVersion())).build();
    }

    @PUT
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{item}")
    @Operation(operationId = "setReadinessItem", summary = "Set one checklist item", description = "Role: secretariat, or cluster-coordinator of the "
            + "project's lead cluster. COMPLETE needs evidence; NOT_APPLICABLE needs a note "
            + "saying why. Answers the whole checklist with the new summary.")
    @APIResponse(responseCode = "200", description = "The whole checklist; ETag is the project's new version", content = @Content(schema = @Schema(implementation = ReadinessView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a coordinator of the lead cluster")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "412", description = "If-Match does not match the project's version")
    @APIResponse(responseCode = "422", description = "COMPLETE without evidence, NOT_APPLICABLE without a note")
    public Response put(@PathParam("id") UUID id, @PathParam("item") ReadinessItemKey item,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReadinessItemRequest request) {
        ReadinessView view = service.put(id, item, ifMatch, request, caller.actor());
        return Response.ok(view).tag(String.valueOf(view.projectVersion())).build();
    }

    @GET
    @PermitAll
    @Path("/{item}/history")
    @Operation(operationId = "getReadinessItemHistory", summary = "A readiness item's revisions",
            description = "Public; who wrote each revision (recordedBy) only for the secretariat. asOf: the revision that stood at the end of that date (404 before the first)." + " Empty while the item was never recorded (NOT_STARTED).")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first (one with asOf)",
            content = @Content(schema = @Schema(implementation = RevisionHistory.class)))
    @APIResponse(responseCode = "404", description = "No such project, or not recorded yet on asOf")
    public RevisionHistory history(@PathParam("id") UUID id, @PathParam("item") ReadinessItemKey item, @QueryParam("asOf") LocalDate asOf) {
        return history.readinessItem(id, item, asOf);
    }
}
