package org.tic.membership.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.tic.commons.rest.ETags;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageResponse;
import org.tic.commons.rest.SortSpec;
import org.tic.membership.domain.Organization;
import org.tic.membership.domain.OrganizationKind;
import org.tic.membership.mapping.OrganizationMapper;
import org.tic.membership.mapping.OrganizationRequest;
import org.tic.membership.mapping.OrganizationView;
import org.tic.membership.service.OrganizationService;

import org.tic.commons.revision.RevisionHistory;
import org.tic.membership.service.HistoryService;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "Companies, government bodies and others that take part in clusters")
public class OrganizationResource {

    private final HistoryService history;
    private final OrganizationService service;
    private final OrganizationMapper mapper;
    private final Caller caller;

    public OrganizationResource(HistoryService history, OrganizationService service, OrganizationMapper mapper, Caller caller) {
        this.service = service;
        this.history = history;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listOrganizations", summary = "List organizations", description = "Filter by kind, country and a name fragment; sort by "
            + "name, country, kind or createdAt (prefix - for descending).")
    public PageResponse<OrganizationView> list(@QueryParam("kind") OrganizationKind kind,
                                               @Parameter(example = "GB") @QueryParam("country") String country,
                                               @Parameter(description = "Name contains (case-insensitive)") @QueryParam("q") String q,
                                               @Parameter(example = "name") @QueryParam("sort") String sort,
                                               @QueryParam("page") Integer page,
                                               @QueryParam("size") Integer size,
            @Parameter(description = PageRequest.COUNT_DESCRIPTION, schema = @Schema(enumeration = {"estimated", "exact"}))
            @QueryParam("count") String count) {
        PageRequest pr = PageRequest.of(page, size, count);
        var result = service.list(kind, country, q, SortSpec.parse(sort, OrganizationService.SORTABLE, "name", "id"), pr);
        return PageResponse.of(result.items(), pr, result.total(), mapper::toView);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(operationId = "getOrganization", summary = "Get an organization", description = "Public.")
    @APIResponse(responseCode = "200", description = "The organization; its ETag is the version", content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "404", description = "No such organization")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Operation(operationId = "createOrganization", summary = "Create an organization", description = "Secretariat or cluster coordinators (who declare parties)")
    @APIResponse(responseCode = "201", description = "Created; ETag is its version", content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    public Response create(OrganizationRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Organization o = service.create(request, caller.actor());
        return ETags.created(uri.getAbsolutePathBuilder().path(o.id.toString()).build(), mapper.toView(o), o.version);
    }

    @PUT
    @Authenticated
    @Path("/{id}")
    @Operation(operationId = "updateOrganization", summary = "Replace an organization", description = "Secretariat, or a partner for its own organization. "
            + "Send If-Match with the ETag you read to avoid lost updates.")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version", content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            OrganizationRequest request) {
        return ok(service.replace(id, ifMatch, request, caller.actor()));
    }

    @DELETE
    @RolesAllowed(Roles.SECRETARIAT)
    @Path("/{id}")
    @Operation(operationId = "deleteOrganization", summary = "Delete an organization", description = "Refused with 409 while a cluster or application refers to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Still referenced")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch, caller.actor());
        return Response.noContent().build();
    }

    private Response ok(Organization o) {
        return ETags.ok(mapper.toView(o), o.version);
    }

    @GET
    @PermitAll
    @Path("/{id}/history")
    @Operation(operationId = "getOrganizationHistory", summary = "An organization's revisions",
            description = "Public; who wrote each revision (recordedBy) only for the secretariat. asOf: the revision that stood at the end of that date (404 before the first).")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first (one with asOf)",
            content = @Content(schema = @Schema(implementation = RevisionHistory.class)))
    @APIResponse(responseCode = "404", description = "No such record, or not recorded yet on asOf")
    public RevisionHistory history(@PathParam("id") UUID id, @QueryParam("asOf") LocalDate asOf) {
        return history.organization(id, asOf);
    }
}
