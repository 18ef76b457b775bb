package org.tic.kpi.rest;

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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.tic.commons.error.ProblemException;
import org.tic.commons.ratelimit.BulkOperation;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageResponse;
import org.tic.commons.rest.SortSpec;
import org.tic.commons.rules.RuleViolation;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import org.tic.kpi.domain.Co2eMetricType;
import org.tic.kpi.domain.Confidence;
import org.tic.kpi.domain.KpiReport;
import org.tic.kpi.domain.Metric;
import org.tic.kpi.domain.SubjectType;
import org.tic.kpi.mapping.KpiCorrectionRequest;
import org.tic.kpi.mapping.KpiReportMapper;
import org.tic.kpi.mapping.KpiReportRequest;
import org.tic.kpi.mapping.KpiReportView;
import org.tic.kpi.repository.ReportFilter;
import org.tic.kpi.service.KpiReportService;
import org.tic.kpi.service.ReportExportService;
import org.tic.kpi.service.ReportViewer;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/kpi-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "KPI reports", description = "KPI values with provenance; corrections supersede and keep the history")
public class KpiReportResource {

    private final KpiReportService service;
    private final ReportExportService export;
    private final KpiReportMapper mapper;
    private final Caller caller;

    public KpiReportResource(KpiReportService service, ReportExportService export, KpiReportMapper mapper, Caller caller) {
        this.service = service;
        this.caller = caller;
        this.export = export;
        this.mapper = mapper;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listKpiReports", summary = "List KPI reports", description = "Public. Current versions by default; asOf gives the versions that "
            + "stood on that date, history=true every version. Sort by reportedOn, periodEnd, periodStart, recordedAt, "
            + "metric, revision or confidence (prefix - for descending). reportedBy, notes and recordedBy only for "
            + "callers who may report for the subject.")
    public PageResponse<KpiReportView> list(@QueryParam("clusterId") UUID clusterId,
                                            @QueryParam("projectId") UUID projectId,
                                            @QueryParam("subjectType") SubjectType subjectType,
                                            @QueryParam("metric") Metric metric,
                                            @QueryParam("co2eMetricType") Co2eMetricType co2eMetricType,
                                            @QueryParam("confidence") Confidence confidence,
                                            @Parameter(description = "Period ends on or after") @QueryParam("periodFrom") LocalDate periodFrom,
                                            @Parameter(description = "Period starts on or before") @QueryParam("periodTo") LocalDate periodTo,
                                            @QueryParam("importId") UUID importId,
                                            @Parameter(description = "Versions that stood on this date") @QueryParam("asOf") LocalDate asOf,
                                            @Parameter(description = "Every version, superseded ones included") @QueryParam("history") boolean history,
                                            @Parameter(example = "-reportedOn") @QueryParam("sort") String sort,
                                            @QueryParam("page") Integer page,
                                            @QueryParam("size") Integer size,
            @Parameter(description = PageRequest.COUNT_DESCRIPTION, schema = @Schema(enumeration = {"estimated", "exact"}))
            @QueryParam("count") String count) {
        PageRequest pr = PageRequest.of(page, size, count);
        ReportFilter filter = filter(clusterId, projectId, subjectType, metric, co2eMetricType, confidence, periodFrom,
                periodTo, importId, asOf, history);
        var result = service.list(filter, SortSpec.parse(sort, KpiReportService.SORTABLE, "-recordedAt", "id"), pr);
        return PageResponse.of(result.items(), pr, result.total(), service.viewer()::view);
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Operation(operationId = "createKpiReport", summary = "Report a KPI value", description = "Secretariat, or a coordinator of the cluster in the body "
            + "(for a project: of one of the project's clusters). Validated against its metric (fields, unit, value); "
            + "the cluster or project must be known from membership / project events.")
    @APIResponse(responseCode = "201", description = "Recorded; ETag is the revision (1)", content = @Content(schema = @Schema(implementation = KpiReportView.class)))
    @APIResponse(responseCode = "400", description = "Invalid (every broken rule listed with its field)")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a coordinator of the report's cluster")
    public Response report(KpiReportRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.badRequest("A report body is required");
        }
        KpiReport r = service.report(mapper.toDraft(request), caller.actor());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/kpi-reports").path(r.id.toString()).build())
                .tag(String.valueOf(r.revision)).entity(mapper.toView(r)).build();
    }

    @GET
    @PermitAll
    @BulkOperation
    @Path("/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportKpiReports", summary = "Export KPI reports", description = "Same filters as the list, streamed in recording order "
            + "(no paging). CSV columns: " + "id, seriesId, revision, current, supersedesId, validTo, correctionReason, "
            + "then the import columns, then normalisedValue, normalisedUnit, bucketKey, importId, recordedAt, recordedBy. "
            + "Public; reportedBy, notes and recordedBy are empty unless the caller may report for the subject.")
    @APIResponse(responseCode = "200", description = "All matching reports: CSV (format=csv, the default) or a JSON array (format=json)",
            content = {@Content(mediaType = "text/csv"),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = KpiReportView.class))})
    @APIResponse(responseCode = "400", description = "format is neither csv nor json, or an invalid filter")
    public Response export(@QueryParam("format") String format,
                           @QueryParam("clusterId") UUID clusterId,
                           @QueryParam("projectId") UUID projectId,
                           @QueryParam("subjectType") SubjectType subjectType,
                           @QueryParam("metric") Metric metric,
                           @QueryParam("co2eMetricType") Co2eMetricType co2eMetricType,
                           @QueryParam("confidence") Confidence confidence,
                           @QueryParam("periodFrom") LocalDate periodFrom,
                           @QueryParam("periodTo") LocalDate periodTo,
                           @QueryParam("importId") UUID importId,
                           @QueryParam("asOf") LocalDate asOf,
                           @QueryParam("history") boolean history) {
        ReportFilter filter = filter(clusterId, projectId, subjectType, metric, co2eMetricType, confidence, periodFrom,
                periodTo, importId, asOf, history);
        // the viewer is decided now, while the request (and its token) is at hand
        ReportExportService.Export e = export.prepare(format, filter, service.viewer());
        StreamingOutput body = e.body()::writeTo;
        return Response.ok(body, e.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + e.fileName() + "\"").build();
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(operationId = "getKpiReport", summary = "Get a KPI value", description = "Any version id of a value gives its current version, or with "
            + "asOf the version that stood on that date.")
    @APIResponse(responseCode = "200", description = "The version; ETag is its revision", content = @Content(schema = @Schema(implementation = KpiReportView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not yet reported on asOf")
    public Response get(@PathParam("id") UUID id, @QueryParam("asOf") LocalDate asOf) {
        KpiReport r = service.get(id, asOf);
        return Response.ok(service.viewer().view(r)).tag(String.valueOf(r.revision)).build();
    }

    @GET
    @PermitAll
    @Path("/{id}/history")
    @Operation(operationId = "listKpiReportHistory", summary = "Every version of a KPI value", description = "Oldest first; each with validFrom/validTo and the correction reason.")
    public List<KpiReportView> history(@PathParam("id") UUID id) {
        ReportViewer viewer = service.viewer();
        return service.history(id).stream().map(viewer::view).toList();
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{id}/corrections")
    @Operation(operationId = "correctKpiReport", summary = "Correct a KPI value", description = "Secretariat, or a coordinator of the stored report's "
            + "cluster (for a project report: of one of the project's clusters), and of the body's cluster or project "
            + "too. Supersedes the current version (kept in the history). Send If-Match with the revision you read.")
    @APIResponse(responseCode = "201", description = "The new current version; ETag is its revision", content = @Content(schema = @Schema(implementation = KpiReportView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a coordinator of the report's cluster")
    @APIResponse(responseCode = "409", description = "The id is no longer current and no If-Match was sent, or a concurrent correction won")
    @APIResponse(responseCode = "412", description = "If-Match is not the current revision")
    public Response correct(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            KpiCorrectionRequest request, @Context UriInfo uri) {
        if (request == null || request.report() == null) {
            throw RuleViolation.invalid("report", "the corrected report is required");
        }
        KpiReport r = service.correct(id, ifMatch, mapper.toDraft(request.report()), request.reason(), caller.actor());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/kpi-reports").path(r.id.toString()).build())
                .tag(String.valueOf(r.revision)).entity(mapper.toView(r)).build();
    }

    private static ReportFilter filter(UUID clusterId, UUID projectId, SubjectType subjectType, Metric metric,
                                       Co2eMetricType co2eMetricType, Confidence confidence, LocalDate periodFrom,
                                       LocalDate periodTo, UUID importId, LocalDate asOf, boolean history) {
        if (asOf != null && history) {
            throw RuleViolation.invalid("history", "give asOf or history, not both");
        }
        return new ReportFilter(subjectType, clusterId, projectId, metric, co2eMetricType, confidence, periodFrom, periodTo,
                importId, asOf, history);
    }
}
