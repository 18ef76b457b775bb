package org.tic.membership.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.ClusterParty;
import org.tic.membership.mapping.PartyRequest;
import org.tic.membership.mapping.PartyView;
import org.tic.membership.service.PartyService;

import java.time.LocalDate;
import java.util.List;
import org.tic.commons.revision.RevisionHistory;
import org.tic.membership.service.HistoryService;
import java.util.UUID;

@Path("/api/v1/clusters/{clusterId}/parties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parties", description = "Organizations taking part in a cluster, with roles and dates")
public class PartyResource {

    private final HistoryService history;
    private final PartyService service;
    private final Caller caller;

    public PartyResource(HistoryService history, PartyService service, Caller caller) {
        this.service = service;
        this.history = history;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listClusterParties", summary = "List a cluster's parties", description = "Active ones, or all with includeEnded=true")
    public List<PartyView> list(@PathParam("clusterId") UUID clusterId,
                                @QueryParam("includeEnded") @Parameter(example = "false") boolean includeEnded) {
        return service.list(clusterId, includeEnded).stream().map(PartyView::of).toList();
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Operation(operationId = "addClusterParty", summary = "Add a party", description = "Secretariat, or the cluster's coordinator")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = PartyView.class)))
    @APIResponse(responseCode = "409", description = "Already a party in that role, or the cluster is closed")
    public Response add(@PathParam("clusterId") UUID clusterId, PartyRequest request, @Context UriInfo uri) {
        ClusterParty p = service.add(clusterId, request, caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build()).entity(PartyView.of(p)).build();
    }

    @DELETE
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{partyId}")
    @Operation(operationId = "endClusterParty", summary = "End a party's participation", description = "Kept in the history with its end date")
    @APIResponse(responseCode = "204", description = "Ended")
    public Response end(@PathParam("clusterId") UUID clusterId, @PathParam("partyId") UUID partyId,
                        @QueryParam("until") @Parameter(example = "2025-06-30") LocalDate until) {
        service.end(clusterId, partyId, until, caller.actor());
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    @Path("/{partyId}/history")
    @Operation(operationId = "getPartyHistory", summary = "A party's revisions",
            description = "Public; who wrote each revision (recordedBy) only for the secretariat. asOf: the revision that stood at the end of that date (404 before the first).")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first (one with asOf)",
            content = @Content(schema = @Schema(implementation = RevisionHistory.class)))
    @APIResponse(responseCode = "404", description = "No such record, or not recorded yet on asOf")
    public RevisionHistory history(@PathParam("clusterId") UUID clusterId, @PathParam("partyId") UUID partyId, @QueryParam("asOf") LocalDate asOf) {
        return history.party(clusterId, partyId, asOf);
    }
}
