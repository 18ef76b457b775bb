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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.tic.commons.rest.ETags;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageResponse;
import org.tic.commons.rest.SortSpec;
import org.tic.membership.domain.Cluster;
import org.tic.membership.domain.ClusterStatus;
import org.tic.membership.domain.ClusterType;
import org.tic.membership.domain.WorldRegion;
import org.tic.membership.mapping.ClusterMapper;
import org.tic.membership.mapping.ClusterRequest;
import org.tic.membership.mapping.ClusterView;
import org.tic.membership.mapping.ExistingMembershipRequest;
import org.tic.membership.mapping.StatusActionRequest;
import org.tic.membership.mapping.StatusChangeView;
import org.tic.membership.repository.ClusterRepository;
import org.tic.membership.service.ClusterService;

import java.time.LocalDate;
import java.util.List;
import org.tic.commons.revision.RevisionHistory;
import org.tic.membership.service.HistoryService;
import java.util.UUID;

@Path("/api/v1/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clusters", description = "Industrial clusters, their status in the initiative and its history")
public class ClusterResource {

    private final HistoryService history;
    private final ClusterService service;
    private final ClusterMapper mapper;
    private final Caller caller;

    public ClusterResource(HistoryService history, ClusterService service, ClusterMapper mapper, Caller caller) {
        this.service = service;
        this.history = history;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listClusters", summary = "List clusters", description = "Filters combine with AND. Sort by name, slug, country, "
            + "worldRegion, type, status, joinedDate, joinedYear or createdAt (prefix - for descending). A join known "
            + "only by its year counts as on 31 December of that year for joinedAfter/joinedBefore.")
    public PageResponse<ClusterView> list(@QueryParam("status") ClusterStatus status,
                                          @Parameter(example = "GB") @QueryParam("country") String country,
                                          @QueryParam("region") WorldRegion region,
                                          @QueryParam("type") ClusterType type,
                                          @Parameter(example = "hydrogen") @QueryParam("sector") String sector,
                                          @Parameter(example = "2023-01-01") @QueryParam("joinedAfter") LocalDate joinedAfter,
                                          @Parameter(example = "2025-12-31") @QueryParam("joinedBefore") LocalDate joinedBefore,
                                          @Parameter(description = "Name contains (case-insensitive)") @QueryParam("q") String q,
                                          @Parameter(example = "-joinedYear,name") @QueryParam("sort") String sort,
                                          @QueryParam("page") Integer page,
                                          @QueryParam("size") Integer size,
            @Parameter(description = PageRequest.COUNT_DESCRIPTION, schema = @Schema(enumeration = {"estimated", "exact"}))
            @QueryParam("count") String count) {
        PageRequest pr = PageRequest.of(page, size, count);
        var filter = new ClusterRepository.Filter(status, country, region, type, sector, joinedAfter, joinedBefore, q);
        var result = service.list(filter, SortSpec.parse(sort, ClusterService.SORTABLE, "name", "id"), pr);
        return PageResponse.of(result.items(), pr, result.total(), mapper::toView);
    }

    @GET
    @PermitAll
    @Path("/{key}")
    @Operation(operationId = "getCluster", summary = "Get a cluster by id or slug",
            description = "Public. By its id or by its slug, which never changes.")
    @APIResponse(responseCode = "200", description = "The cluster; ETag is its version", content = @Content(schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "404", description = "No such cluster")
    public Response get(@Parameter(description = "UUID or slug", example = "hynet-north-west") @PathParam("key") String key) {
        return ok(service.getByKey(key));
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "registerCluster", summary = "Register a cluster (as an applicant)", description = "Secretariat (onboarding); the new "
            + "cluster's coordinators then act for it with a token naming it")
    @APIResponse(responseCode = "201", description = "Registered; ETag is its version", content = @Content(schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "409", description = "Slug already taken")
    public Response register(ClusterRequest request, @Context UriInfo uri) {
        Cluster c = service.register(request, caller.actor());
        return ETags.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build(), mapper.toView(c), c.version);
    }

    @PUT
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{id}")
    @Operation(operationId = "updateCluster", summary = "Replace a cluster's descriptive fields", description = "Status, joined date and successor "
            + "change only through applications, the status actions and merges. The slug never changes.")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version", content = @Content(schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ClusterRequest request) {
        return ok(service.replace(id, ifMatch, request, caller.actor()));
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Path("/{id}/suspend")
    @Operation(operationId = "suspendCluster", summary = "Suspend a signatory cluster",
            description = "Secretariat. From effectiveDate (default today), with the reason in its status history and in "
                    + "the event tic.membership.cluster.suspended.v1.")
    @APIResponse(responseCode = "200", description = "Suspended; ETag is the new version", content = @Content(schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status")
    public Response suspend(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, StatusActionRequest r) {
        return ok(service.suspend(id, ifMatch, r, caller.actor()));
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Path("/{id}/reinstate")
    @Operation(operationId = "reinstateCluster", summary = "Reinstate a suspended cluster as a signatory",
            description = "Secretariat. From effectiveDate (default today), with the reason in its status history and in "
                    + "the event tic.membership.cluster.reinstated.v1.")
    @APIResponse(responseCode = "200", description = "Reinstated; ETag is the new version", content = @Content(schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "409", description = "Not suspended")
    public Response reinstate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, StatusActionRequest r) {
        return ok(service.reinstate(id, ifMatch, r, caller.actor()));
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{id}/withdraw")
    @Operation(operationId = "withdrawCluster", summary = "Withdraw a cluster from the initiative",
            description = "Secretariat, or the cluster's coordinator")
    @APIResponse(responseCode = "200", description = "Withdrawn; ETag is the new version", content = @Content(schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn or merged")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, StatusActionRequest r) {
        return ok(service.withdraw(id, ifMatch, r, caller.actor()));
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Path("/{id}/existing-membership")
    @Operation(operationId = "recordExistingMembership", summary = "Record an existing signatory", description = "For clusters that joined before this platform: "
            + "an applicant becomes a signatory with its known joined date or year, without an application.")
    @APIResponse(responseCode = "200", description = "Now a signatory; ETag is the new version", content = @Content(schema = @Schema(implementation = ClusterView.class)))
    @APIResponse(responseCode = "409", description = "Not an applicant")
    public Response recordExistingMembership(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             ExistingMembershipRequest r) {
        return ok(service.recordExistingMembership(id, ifMatch, r, caller.actor()));
    }

    @GET
    @PermitAll
    @Path("/{id}/status-history")
    @Operation(operationId = "listClusterStatusHistory", summary = "A cluster's status changes, oldest first",
            description = "Public. Each change with its effective date, reason and who made it.")
    public List<StatusChangeView> statusHistory(@PathParam("id") UUID id) {
        return service.statusHistory(id).stream().map(StatusChangeView::of).toList();
    }

    private Response ok(Cluster c) {
        return ETags.ok(mapper.toView(c), c.version);
    }

    @GET
    @PermitAll
    @Path("/{key}/history")
    @Operation(operationId = "getClusterHistory", summary = "A cluster's revisions",
            description = "Public; who wrote each revision (recordedBy) only for the secretariat. asOf: the revision that stood at the end of that date (404 before the first).")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first (one with asOf)",
            content = @Content(schema = @Schema(implementation = RevisionHistory.class)))
    @APIResponse(responseCode = "404", description = "No such record, or not recorded yet on asOf")
    public RevisionHistory history(@Parameter(description = "UUID or slug") @PathParam("key") String key, @QueryParam("asOf") LocalDate asOf) {
        return history.cluster(key, asOf);
    }
}
