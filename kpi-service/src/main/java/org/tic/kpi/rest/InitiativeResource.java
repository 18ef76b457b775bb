package org.tic.kpi.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.commons.rules.RuleViolation;
import org.tic.kpi.domain.PublishedSnapshot;
import org.tic.kpi.mapping.BreakdownView;
import org.tic.kpi.mapping.CsvWriter;
import org.tic.kpi.mapping.PipelineView;
import org.tic.kpi.mapping.SummaryView;
import org.tic.kpi.mapping.TimeSeriesView;
import org.tic.kpi.mapping.TotalView;
import org.tic.kpi.repository.PublishedSnapshotRepository;
import org.tic.kpi.service.InitiativeService;
import org.tic.kpi.service.PipelineService;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/initiative")
@PermitAll
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Initiative roll-ups", description = "Totals with coverage, as of any date; breakdowns, time series, pipeline")
public class InitiativeResource {

    private static final List<String> TOTAL_COLUMNS = List.of("key", "label", "unit", "total", "reporting", "of",
            "fromClusterReports", "fromProjectReports", "projectsCounted", "projectsCoveredByClusterFigures",
            "inheritedFromMergedClusters", "reportsUsed");

    private final InitiativeService service;
    private final PipelineService pipeline;
    private final PublishedSnapshotRepository published;

    public InitiativeResource(InitiativeService service, PipelineService pipeline, PublishedSnapshotRepository published) {
        this.service = service;
        this.pipeline = pipeline;
        this.published = published;
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "getInitiativeSummary", summary = "Initiative summary", description = "Signatory clusters and countries on asOf (default today), "
            + "and per bucket the total with its coverage (clusters reporting of signatories), next to the initiative's "
            + "latest published figures on or before asOf. format=csv gives the totals as CSV.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryView.class)),
                    @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "400", description = "asOf in the future or not a date")
    public Response summary(@Parameter(example = "2025-01-22") @QueryParam("asOf") LocalDate asOf,
                            @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        SummaryView s = service.summary(asOf);
        if (csv(format)) {
            return csvResponse("initiative-summary-" + s.asOf(), w -> {
                w.row(prepend(List.of("asOf", "signatoryClusters", "countries"), TOTAL_COLUMNS));
                for (TotalView t : s.totals()) {
                    w.row(prepend(List.of(s.asOf(), s.signatoryClusters(), s.countries()), InitiativeService.totalRow().apply(t)));
                }
            });
        }
        return Response.ok(s, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/breakdowns")
    @Operation(operationId = "getInitiativeBreakdown", summary = "Totals broken down", description = "by = country, "
            + "worldRegion, clusterType, sector, projectCategory or stage. Project-category and stage groups use "
            + "project-level reports only. format=csv gives one row per group and total.")
    @APIResponse(responseCode = "200", description = "The groups with their totals",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreakdownView.class)),
                    @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "400", description = "by missing or unknown, or an invalid asOf")
    public Response breakdowns(@QueryParam("by") String by, @QueryParam("asOf") LocalDate asOf,
                               @QueryParam("format") String format) {
        if (by == null) {
            throw RuleViolation.invalid("by", "is required (country, worldRegion, clusterType, sector, projectCategory, stage, cohort)");
        }
        BreakdownView b = service.breakdown(InitiativeService.BreakdownBy.parse(by), asOf);
        if (csv(format)) {
            return csvResponse("initiative-breakdown-" + b.by() + "-" + b.asOf(), w -> {
                w.row(prepend(List.of("asOf", b.by(), "clusters", "projects"), TOTAL_COLUMNS));
                for (BreakdownView.GroupView g : b.groups()) {
                    for (TotalView t : g.totals()) {
                        w.row(prepend(List.of(b.asOf(), g.key(), g.clusters(), g.projects()), InitiativeService.totalRow().apply(t)));
                    }
                }
            });
        }
        return Response.ok(b, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/timeseries")
    @Operation(operationId = "getInitiativeTimeSeries", summary = "Summary figures over time", description = "A point "
            + "at from, then every interval (month, quarter, year), and at to (default: the last 12 months, monthly). "
            + "Each point is an as-of answer; by (e.g. cohort: the year clusters joined) splits each point into that "
            + "breakdown's groups. format=csv gives one row per point and total (with by: per point, group and total).")
    @APIResponse(responseCode = "200", description = "The points, oldest first",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeSeriesView.class)),
                    @Content(mediaType = "text/csv")})
    public Response timeSeries(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                               @QueryParam("interval") String interval,
                               @Parameter(description = "Split each point by a breakdown: country, worldRegion, clusterType, sector, "
                                       + "projectCategory, stage or cohort") @QueryParam("by") String by,
                               @QueryParam("format") String format) {
        TimeSeriesView ts = service.timeSeries(from, to, interval, by == null ? null : InitiativeService.BreakdownBy.parse(by));
        if (csv(format) && ts.by() != null) {
            return csvResponse("initiative-timeseries-by-" + ts.by(), w -> {
                w.row(List.of("asOf", ts.by(), "clusters", "key", "label", "unit", "total", "reporting", "of"));
                for (TimeSeriesView.PointView p : ts.points()) {
                    for (TimeSeriesView.PointGroup g : p.groups()) {
                        for (TimeSeriesView.PointTotal t : g.totals()) {
                            w.row(java.util.Arrays.asList(p.asOf(), g.key(), g.clusters(), t.key(), t.label(), t.unit(),
                                    t.total(), t.reporting(), t.of()));
                        }
                    }
                }
            });
        }
        if (csv(format)) {
            return csvResponse("initiative-timeseries", w -> {
                w.row(List.of("asOf", "signatoryClusters", "countries", "key", "label", "unit", "total", "reporting", "of"));
                for (TimeSeriesView.PointView p : ts.points()) {
                    if (p.totals().isEmpty()) {
                        w.row(List.of(p.asOf(), p.signatoryClusters(), p.countries(), "", "", "", "", "", ""));
                    }
                    for (TimeSeriesView.PointTotal t : p.totals()) {
                        w.row(java.util.Arrays.asList(p.asOf(), p.signatoryClusters(), p.countries(), t.key(), t.label(),
                                t.unit(), t.total(), t.reporting(), t.of()));
                    }
                }
            });
        }
        return Response.ok(ts, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/pipeline")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProjectPipeline", summary = "Project pipeline", description = "Projects by stage and category, how many reached FID, "
            + "capacity (per unit) and estimated CO2e (per metric type, Mt/yr) by stage.")
    public PipelineView pipeline() {
        return pipeline.pipeline();
    }

    @GET
    @Path("/published")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublishedFigures", summary = "The initiative's own published totals", description = "Reported aggregates with source and wording.")
    public List<SummaryView.PublishedView> published() {
        return published.list("order by asOf").stream().map(InitiativeResource::view).toList();
    }

    private static SummaryView.PublishedView view(PublishedSnapshot p) {
        return new SummaryView.PublishedView(p.asOf, p.clusters, p.countries, p.co2eMt, p.co2eWording, p.co2eMetricType,
                p.gdpUsdBn, p.jobsMillion, p.jobsWording, p.sourceUrl, p.note, null);
    }

    private static boolean csv(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw RuleViolation.invalid("format", "must be json or csv");
    }

    private interface Rows {
        void write(CsvWriter w) throws IOException;
    }

    private static Response csvResponse(String name, Rows rows) {
        StringWriter out = new StringWriter();
        try {
            rows.write(new CsvWriter(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    private static List<Object> prepend(List<?> first, List<?> rest) {
        List<Object> row = new ArrayList<>(first);
        row.addAll(rest);
        return row;
    }
}
