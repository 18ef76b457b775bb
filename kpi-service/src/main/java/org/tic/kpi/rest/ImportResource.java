package org.tic.kpi.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.tic.commons.ratelimit.BulkOperation;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageResponse;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import org.tic.kpi.mapping.CsvWriter;
import org.tic.kpi.mapping.ImportView;
import org.tic.kpi.mapping.KpiCsv;
import org.tic.kpi.service.ImportService;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/kpi-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPI imports", description = "Bulk CSV import as an asynchronous job")
public class ImportResource {

    private final ImportService service;
    private final Caller caller;

    public ImportResource(ImportService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @BulkOperation
    @Consumes({"text/csv", "application/csv"})
    @Operation(operationId = "createKpiImport", summary = "Import KPI reports from CSV", description = "Secretariat, or a coordinator: then every row "
            + "must be for one of its clusters (or a project of one of them); other rows are rejected as row errors. "
            + "The rows are written as the uploader (recordedBy, ce_actor). The body is streamed into staging rows with COPY "
            + "(never held in memory), then applied asynchronously in chunks of rows per transaction (set-based): valid "
            + "rows land, invalid rows are reported with their line number. Columns: see GET /template (header required, any order, unused "
            + "columns may be left out).")
    @APIResponse(responseCode = "202", description = "Accepted: follow Location for progress", content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "400", description = "Empty, not UTF-8, or the header is wrong")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a cluster coordinator")
    @APIResponse(responseCode = "413", description = "Larger than the import limit (bytes or rows)")
    public Response upload(InputStream body, @Context UriInfo uri) {
        ImportView job = service.receive(body, caller.actor());
        return Response.accepted(job)
                .location(uri.getBaseUriBuilder().path("api/v1/kpi-imports").path(job.id().toString()).build()).build();
    }

    @GET
    @PermitAll
    @Path("/template")
    @Produces("text/csv")
    @Operation(operationId = "getKpiImportTemplate", summary = "CSV template", description = "The header with every column, and one example row per metric.")
    public Response template() {
        StringWriter out = new StringWriter();
        CsvWriter w = new CsvWriter(out);
        try {
            w.row(KpiCsv.IMPORT_COLUMNS);
            w.row(example("your-cluster-slug", "", "CO2E", "", "POTENTIAL_REDUCTION", "SCOPE_1_2", "AR6_GWP100", "2019", "2030",
                    "bottom-up by site", "", "", "", "", "", "", "4.5", "MT_CO2E_PER_YEAR", "2024-01-01", "2024-12-31",
                    "2025-01-22", "https://example.org/report.pdf", "", "Cluster coordinator", "REPORTED", ""));
            w.row(example("your-cluster-slug", "", "JOBS", "", "", "", "", "", "", "", "CREATED", "DIRECT", "OPERATION", "",
                    "", "", "1200", "HEADCOUNT", "2024-01-01", "2024-12-31", "", "", "Annual report 2024, p. 12",
                    "Cluster coordinator", "ESTIMATED", ""));
            w.row(example("your-cluster-slug", "", "GDP", "", "", "", "", "", "", "", "", "", "", "USD", "2023", "DIRECT",
                    "850", "CURRENCY_MILLIONS", "2024-01-01", "2024-12-31", "", "https://example.org/economics.pdf", "",
                    "Regional economist", "VERIFIED", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"kpi-import-template.csv\"").build();
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Operation(operationId = "listKpiImports", summary = "List imports", description = "Newest first. The secretariat sees every import, a coordinator "
            + "the ones it uploaded.")
    @APIResponse(responseCode = "200", description = "A page of imports")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a cluster coordinator")
    public PageResponse<ImportView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest pr = PageRequest.of(page, size);
        var result = service.list(pr);
        return PageResponse.of(result.items(), pr, result.total(), v -> v);
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{id}")
    @Operation(operationId = "getKpiImport", summary = "An import's progress", description = "Status, rows done of total, and the first row errors. "
            + "The secretariat, or the coordinator who uploaded it.")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such import, or not yours")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a cluster coordinator")
    public ImportView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.COORDINATOR})
    @Path("/{id}/errors")
    @Operation(operationId = "listKpiImportErrors", summary = "Every rejected row", description = "One entry per broken rule, in line order; paged by "
            + "rejected rows. The secretariat, or the coordinator who uploaded it.")
    @APIResponse(responseCode = "200", description = "The row errors of the requested page of rejected rows",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ImportView.RowError.class)))
    @APIResponse(responseCode = "404", description = "No such import, or not yours")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a cluster coordinator")
    public List<ImportView.RowError> errors(@PathParam("id") UUID id, @QueryParam("page") Integer page,
                                            @QueryParam("size") Integer size) {
        return service.errorsPage(id, PageRequest.of(page, size));
    }

    private static List<String> example(String... values) {
        return new ArrayList<>(List.of(values));
    }
}
