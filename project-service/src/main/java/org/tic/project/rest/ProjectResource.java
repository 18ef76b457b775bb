package org.tic.project.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.tic.commons.error.ProblemException;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageResponse;
import org.tic.commons.rest.SortSpec;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import org.tic.project.domain.Project;
import org.tic.project.domain.ProjectCategory;
import org.tic.project.domain.Stage;
import org.tic.project.mapping.ProjectRequest;
import org.tic.project.mapping.ProjectView;
import org.tic.project.repository.ProjectRepository;
import org.tic.project.service.ProjectExport;
import org.tic.project.service.ProjectService;

import org.tic.commons.revision.RevisionHistory;
import org.tic.project.service.HistoryService;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "Joint decarbonization projects of clusters. Reads are public, but capex, "
        + "funding and business model are shown only to the secretariat, coordinators of the project's clusters and "
        + "its partner organizations. Writes: the secretariat or a coordinator of the lead cluster.")
public class ProjectResource {

    private final HistoryService history;
    private final ProjectService service;
    private final ProjectExport export;
    private final Caller caller;

    public ProjectResource(HistoryService history, ProjectService service, ProjectExport export, Caller caller) {
        this.service = service;
        this.history = history;
        this.export = export;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listProjects", summary = "List projects", description = "Public. Filters combine with AND. cluster matches the lead or a "
            + "participating cluster, including clusters since merged into it. Sort by name, stage, stageDate, fidDate, "
            + "category, createdAt or updatedAt (prefix - for descending). Financial fields are null in the projects "
            + "the caller may not see them of.")
    @APIResponse(responseCode = "200", description = "A page of projects")
    @APIResponse(responseCode = "400", description = "Invalid filter, sort or page")
    public PageResponse<ProjectView> list(
            @Parameter(description = "Cluster id") @QueryParam("cluster") UUID cluster,
            @Parameter(description = "ISO 3166-1 alpha-2", example = "GB") @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. GB") @QueryParam("country") String country,
            @QueryParam("category") ProjectCategory category,
            @QueryParam("stage") Stage stage,
            @Parameter(description = "Year of the final investment decision", example = "2025") @Min(1900) @Max(2100) @QueryParam("fidYear") Integer fidYear,
            @Parameter(description = "true: only corridors; false: no corridors") @QueryParam("corridor") Boolean corridor,
            @Parameter(description = "Name contains (case-insensitive)") @QueryParam("q") String q,
            @Parameter(example = "-fidDate") @QueryParam("sort") String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Parameter(description = PageRequest.COUNT_DESCRIPTION, schema = @Schema(enumeration = {"estimated", "exact"}))
            @QueryParam("count") String count) {
        PageRequest pr = PageRequest.of(page, size, count);
        var result = service.list(new ProjectRepository.Filter(cluster, country, category, stage, fidYear, corridor, q),
                SortSpec.parse(sort, ProjectRepository.SORTABLE, "name", "p.id"), pr);
        return PageResponse.of(service.views(result.items()), pr, result.total(), v -> v);
    }

    @GET
    @PermitAll
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportProjectsCsv", summary = "Export projects as CSV", description = "Public. Same filters and sort as the list, all pages. "
            + "Each row carries the stage also in the IEA, GCCSI, GEM and MPP vocabularies (columns iea_status, "
            + "gccsi_stage, gem_status, mpp_status), so exports line up with those trackers. The capex and "
            + "business_model cells are empty in the rows the caller may not see financial fields of.")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV with a header row")
    @APIResponse(responseCode = "400", description = "Invalid filter or sort")
    public Response export(@QueryParam("cluster") UUID cluster,
                           @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. GB") @QueryParam("country") String country,
                           @QueryParam("category") ProjectCategory category,
                           @QueryParam("stage") Stage stage,
                           @Min(1900) @Max(2100) @QueryParam("fidYear") Integer fidYear,
                           @QueryParam("corridor") Boolean corridor,
                           @QueryParam("q") String q,
                           @QueryParam("sort") String sort) {
        String csv = export.csv(new ProjectRepository.Filter(cluster, country, category, stage, fidYear, corridor, q),
                SortSpec.parse(sort, ProjectRepository.SORTABLE, "name", "p.id"));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"projects.csv\"").build();
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(operationId = "getProject", summary = "Get a project", description = "Public. Capex, funding and business model only for the "
            + "secretariat, coordinators of the project's lead or participating clusters, and its partner organizations "
            + "(org claim); null for everyone else.")
    @APIResponse(responseCode = "200", description = "The project; its ETag is the version", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Project p = service.get(id);
        EntityTag tag = new EntityTag(String.valueOf(p.version));
        Response.ResponseBuilder precondition = request.evaluatePreconditions(tag);
        if (precondition != null) {
            Response answer = precondition.build();
            if (answer.getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
                // An If-Match that names another version: a problem+json 412 like every other error, not a bare one.
                throw ProblemException.preconditionFailed("If-Match does not match the current version \"" + p.version + "\"");
            }
            return answer;
        }
        return Response.ok(service.view(p)).tag(tag).build();
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Operation(operationId = "createProject", summary = "Register a project", description = "Role: secretariat, or cluster-coordinator of the lead "
            + "cluster named in the body (leadClusterId in the token's clusters claim). The lead cluster must be a "
            + "SIGNATORY and every cluster known from membership.events. A project is registered at the stage it has "
            + "reached (default CONCEPT).")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a coordinator of the lead cluster")
    @APIResponse(responseCode = "201", description = "Created; ETag is its version", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (field paths in violations)")
    @APIResponse(responseCode = "409", description = "The lead cluster already has a project of that name")
    @APIResponse(responseCode = "422", description = "Unknown cluster or organization, lead not a signatory, invalid initial stage")
    @Transactional // the answer's view is read in the write's transaction: no 5xx for a write that committed
    public Response create(ProjectRequest request, @Context UriInfo uri) {
        Project p = service.create(request, caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                .tag(String.valueOf(p.version)).entity(service.view(p)).build();
    }

    @PUT
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{id}")
    @Operation(operationId = "updateProject", summary = "Replace a project's description", description = "Role: secretariat, or cluster-coordinator "
            + "of the project's lead cluster as stored (a new leadClusterId must be a cluster the caller coordinates "
            + "too). Stages, milestones and readiness have their own resources. Send If-Match with the ETag you read "
            + "to avoid lost updates.")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a coordinator of the lead cluster (or of the new lead)")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project")
    @APIResponse(responseCode = "409", description = "Name taken, or changed concurrently")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "422", description = "Unknown cluster or organization, new lead not a signatory")
    @Transactional // as create: a failing view read rolls the write back instead of answering 503 after the commit
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            ProjectRequest request) {
        Project p = service.replace(id, ifMatch, request, caller.actor());
        return Response.ok(service.view(p)).tag(String.valueOf(p.version)).build();
    }

    @GET
    @PermitAll
    @Path("/{id}/history")
    @Operation(operationId = "getProjectHistory", summary = "A project's revisions",
            description = "Public; who wrote each revision (recordedBy) only for the secretariat. asOf: the revision that stood at the end of that date (404 before the first)." + " A revision holds the project's public snapshot (as published on project.events).")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first (one with asOf)",
            content = @Content(schema = @Schema(implementation = RevisionHistory.class)))
    @APIResponse(responseCode = "404", description = "No such project, or not recorded yet on asOf")
    public RevisionHistory history(@PathParam("id") UUID id, @QueryParam("asOf") LocalDate asOf) {
        return history.project(id, asOf);
    }
}
