package org.tic.membership.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.tic.commons.rest.ETags;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageResponse;
import org.tic.commons.rest.SortSpec;
import org.tic.membership.domain.PolicyAdoption;
import org.tic.membership.mapping.PolicyAdoptionRequest;
import org.tic.membership.mapping.PolicyAdoptionView;
import org.tic.membership.service.PolicyAdoptionService;

import org.tic.commons.revision.RevisionHistory;
import org.tic.membership.service.HistoryService;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/policy-adoptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Policy adoptions", description = "Countries adopting the TIC framework or related policies")
public class PolicyAdoptionResource {

    private final HistoryService history;
    private final PolicyAdoptionService service;
    private final Caller caller;

    public PolicyAdoptionResource(HistoryService history, PolicyAdoptionService service, Caller caller) {
        this.service = service;
        this.history = history;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listPolicyAdoptions", summary = "List policy adoptions",
            description = "Public. Filter by country; sort by adoptedOn (default: newest first), country or title "
                    + "(prefix - for descending).")
    public PageResponse<PolicyAdoptionView> list(@QueryParam("country") String country, @QueryParam("sort") String sort,
                                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = PageRequest.COUNT_DESCRIPTION, schema = @Schema(enumeration = {"estimated", "exact"}))
            @QueryParam("count") String count) {
        PageRequest pr = PageRequest.of(page, size, count);
        var result = service.list(country, SortSpec.parse(sort, PolicyAdoptionService.SORTABLE, "-adoptedOn", "id"), pr);
        return PageResponse.of(result.items(), pr, result.total(), PolicyAdoptionView::of);
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "recordPolicyAdoption", summary = "Record a policy adoption",
            description = "Secretariat; publishes tic.membership.policy.adopted.v1. Names the clusters (of the adopting "
                    + "country) and projects the adoption concerns.")
    @APIResponse(responseCode = "201", description = "Recorded; ETag is its version", content = @Content(schema = @Schema(implementation = PolicyAdoptionView.class)))
    @APIResponse(responseCode = "422", description = "A named cluster lies outside the adopting country (policy-cluster-country; clusterIds lists them)")
    public Response record(PolicyAdoptionRequest request, @Context UriInfo uri) {
        PolicyAdoption p = service.record(request, caller.actor());
        return ETags.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build(), PolicyAdoptionView.of(p), p.version);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(operationId = "getPolicyAdoption", summary = "Get a policy adoption", description = "Public.")
    @APIResponse(responseCode = "200", description = "The policy adoption; ETag is its version", content = @Content(schema = @Schema(implementation = PolicyAdoptionView.class)))
    public Response get(@PathParam("id") UUID id) {
        PolicyAdoption p = service.get(id);
        return ETags.ok(PolicyAdoptionView.of(p), p.version);
    }

    @PUT
    @RolesAllowed(Roles.SECRETARIAT)
    @Path("/{id}")
    @Operation(operationId = "updatePolicyAdoption", summary = "Correct a policy adoption",
            description = "Secretariat. Send If-Match with the ETag you read; publishes tic.membership.policy.updated.v1.")
    @APIResponse(responseCode = "200", description = "Corrected; ETag is the new version", content = @Content(schema = @Schema(implementation = PolicyAdoptionView.class)))
    @APIResponse(responseCode = "422", description = "A named cluster lies outside the adopting country (policy-cluster-country; clusterIds lists them)")
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            PolicyAdoptionRequest request) {
        PolicyAdoption p = service.replace(id, ifMatch, request, caller.actor());
        return ETags.ok(PolicyAdoptionView.of(p), p.version);
    }

    @GET
    @PermitAll
    @Path("/{id}/history")
    @Operation(operationId = "getPolicyAdoptionHistory", summary = "A policy adoption's revisions",
            description = "Public; who wrote each revision (recordedBy) only for the secretariat. asOf: the revision that stood at the end of that date (404 before the first).")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first (one with asOf)",
            content = @Content(schema = @Schema(implementation = RevisionHistory.class)))
    @APIResponse(responseCode = "404", description = "No such record, or not recorded yet on asOf")
    public RevisionHistory history(@PathParam("id") UUID id, @QueryParam("asOf") LocalDate asOf) {
        return history.policyAdoption(id, asOf);
    }
}
