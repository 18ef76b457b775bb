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
import org.tic.membership.domain.ApplicationStatus;
import org.tic.membership.domain.MembershipApplication;
import org.tic.membership.mapping.ApplicationRequest;
import org.tic.membership.mapping.ApplicationView;
import org.tic.membership.mapping.DecisionRequest;
import org.tic.membership.mapping.EligibilityView;
import org.tic.membership.service.ApplicationService;

import java.util.UUID;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Membership applications checked against the TIC criteria. Private: "
        + "the secretariat sees all, a coordinator those of its clusters.")
@Authenticated
public class ApplicationResource {

    private final ApplicationService service;
    private final Caller caller;

    public ApplicationResource(ApplicationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listApplications", summary = "List applications",
            description = "The secretariat sees all, a coordinator those of its clusters (403 when clusterId names "
                    + "another). Sort by createdAt (default: newest first), updatedAt, status or submittedAt (prefix - "
                    + "for descending).")
    public PageResponse<ApplicationView> list(@QueryParam("clusterId") UUID clusterId,
                                              @QueryParam("status") ApplicationStatus status,
                                              @QueryParam("sort") String sort,
                                              @QueryParam("page") Integer page,
                                              @QueryParam("size") Integer size,
            @Parameter(description = PageRequest.COUNT_DESCRIPTION, schema = @Schema(enumeration = {"estimated", "exact"}))
            @QueryParam("count") String count) {
        PageRequest pr = PageRequest.of(page, size, count);
        var result = service.list(clusterId, status, SortSpec.parse(sort, ApplicationService.SORTABLE, "-createdAt", "id"), pr);
        return PageResponse.of(result.items(), pr, result.total(), ApplicationView::of);
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Operation(operationId = "draftApplication", summary = "Draft an application for an applicant cluster",
            description = "Secretariat, or a coordinator of the cluster. The criteria are checked on submit, not here.")
    @APIResponse(responseCode = "201", description = "Drafted; ETag is its version", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "The cluster is not an applicant or already has an open application")
    public Response draft(ApplicationRequest request, @Context UriInfo uri) {
        MembershipApplication a = service.draft(request, caller.actor());
        return ETags.created(uri.getAbsolutePathBuilder().path(a.id.toString()).build(), ApplicationView.of(a), a.version);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApplication", summary = "Get an application",
            description = "The secretariat, or a coordinator of its cluster (for anyone else it does not exist: 404).")
    @APIResponse(responseCode = "200", description = "The application; ETag is its version", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.getVisible(id));
    }

    @PUT
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{id}")
    @Operation(operationId = "updateApplication", summary = "Edit a draft",
            description = "Only while it is a draft, and not to another cluster. Send If-Match with the ETag you read.")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "No longer a draft")
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ApplicationRequest request) {
        return ok(service.replace(id, ifMatch, request, caller.actor()));
    }

    @GET
    @Path("/{id}/eligibility")
    @Operation(operationId = "getApplicationEligibility", summary = "Explain each criterion: met or not, and why",
            description = "The check that submitting and approving apply, on the application as it is now.")
    public EligibilityView eligibility(@PathParam("id") UUID id) {
        var report = service.eligibility(service.getVisible(id));
        return new EligibilityView(id, report.eligible(), report.checks());
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD) // no body: clients need not send a Content-Type
    @Operation(operationId = "submitApplication", summary = "Submit a draft",
            description = "Refused with 422 listing the failed criteria")
    @APIResponse(responseCode = "200", description = "Submitted; ETag is the new version", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "422", description = "Criteria not met (failedCriteria lists them)")
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.submit(id, ifMatch, caller.actor()));
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Path("/{id}/review")
    @Consumes(MediaType.WILDCARD) // no body: clients need not send a Content-Type
    @Operation(operationId = "startApplicationReview", summary = "Start reviewing a submitted application",
            description = "Secretariat; publishes tic.membership.application.review-started.v1.")
    @APIResponse(responseCode = "200", description = "Under review; ETag is the new version", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Not submitted")
    public Response review(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.startReview(id, ifMatch, caller.actor()));
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Path("/{id}/approve")
    @Operation(operationId = "approveApplication", summary = "Approve", description = "The cluster becomes a signatory on effectiveDate (default today) and "
            + "the declared parties join it. Refused with 422 when a criterion fails.")
    @APIResponse(responseCode = "200", description = "Approved; ETag is the new version", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Not under review")
    @APIResponse(responseCode = "422", description = "Criteria not met")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, DecisionRequest d) {
        return ok(service.approve(id, ifMatch, d, caller.actor()));
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Path("/{id}/reject")
    @Operation(operationId = "rejectApplication", summary = "Reject (reason required)",
            description = "Secretariat, while it is under review; the reason goes into tic.membership.application.rejected.v1.")
    @APIResponse(responseCode = "200", description = "Rejected; ETag is the new version", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Not under review")
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, DecisionRequest d) {
        return ok(service.reject(id, ifMatch, d, caller.actor()));
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{id}/withdraw")
    @Operation(operationId = "withdrawApplication", summary = "Withdraw an open application (reason required)",
            description = "Secretariat, or a coordinator of the cluster, until it is decided; the reason goes into "
                    + "tic.membership.application.withdrawn.v1.")
    @APIResponse(responseCode = "200", description = "Withdrawn; ETag is the new version", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Already decided")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, DecisionRequest d) {
        return ok(service.withdraw(id, ifMatch, d, caller.actor()));
    }

    private Response ok(MembershipApplication a) {
        return ETags.ok(ApplicationView.of(a), a.version);
    }
}
