package org.tic.delivery.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tic.commons.error.Problem;
import org.tic.delivery.domain.ChangeQuery;
import org.tic.delivery.domain.Cursor;
import org.tic.delivery.mapping.ChangePageView;
import org.tic.delivery.mapping.ChangeView;
import org.tic.delivery.mapping.CursorView;
import org.tic.delivery.service.ChangeFeed;
import org.tic.delivery.service.ChangeRequests;

import java.time.Duration;
import java.util.List;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Change feed", description = "Every change of the platform, ordered and resumable, for partners who pull "
        + "instead of reading Kafka; kept at least 30 days")
public class ChangeResource {

    private final ChangeFeed feed;
    private final ChangeRequests requests;

    public ChangeResource(ChangeFeed feed, ChangeRequests requests) {
        this.feed = feed;
        this.requests = requests;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listChanges", summary = "Changes after a cursor",
            description = "Oldest first. Changes of one aggregate (subject) are in the order they happened; across "
                    + "aggregates, in the order the feed recorded them. Resume with after=next: nothing is skipped, and a "
                    + "change is listed once (at-least-once only when a partner resumes from an older cursor: use the id "
                    + "as idempotency key). Without a token the public changes; application events for the secretariat "
                    + "and the coordinators of the application's cluster; an import's summary for the secretariat and "
                    + "its uploader. With wait=N and nothing new, the answer waits up to N seconds for the next change.")
    @APIResponse(responseCode = "200", description = "A page (possibly empty: keep polling with next)",
            content = @Content(schema = @Schema(implementation = ChangePageView.class)))
    @APIResponse(responseCode = "400", description = "Malformed cursor, id or number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The cursor is older than the retention: the changes after it were "
            + "deleted (oldestCursor says where the feed starts now)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An unknown event type, or too many filters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Cursor of the last change read (a change's cursor, or a page's next); "
                    + "omitted: from the oldest retained change") @QueryParam("after") String after,
            @Parameter(description = "Event types, comma-separated or repeated: exact (tic.membership.cluster.joined.v1), "
                    + "any version (tic.membership.cluster.joined) or a prefix (tic.project.*); at most 50",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
            @QueryParam("types") List<String> types,
            @Parameter(description = "Only changes concerning these clusters (ids, comma-separated or repeated; at most 100)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
            @QueryParam("clusters") List<String> clusters,
            @Parameter(description = "Only changes concerning these projects (ids, comma-separated or repeated; at most 100)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
            @QueryParam("projects") List<String> projects,
            @Parameter(description = "Changes per page, 1-1000 (default 100)") @QueryParam("limit") Integer limit,
            @Parameter(description = "Seconds to wait for a change when there is none yet, 0-30 (default 0)")
            @QueryParam("wait") Integer wait,
            @Context UriInfo uri) {
        ChangeQuery q = requests.query(after, types, clusters, projects, limit);
        Duration waitFor = requests.waitFor(wait);
        ChangeFeed.Page page = feed.read(q, waitFor);
        String next = Cursor.of(page.next());
        ChangePageView body = new ChangePageView(page.items().stream().map(ChangeView::of).toList(), next, page.hasMore());
        Response.ResponseBuilder r = Response.ok(body);
        r.link(uri.getRequestUriBuilder().replaceQueryParam("after", next).replaceQueryParam("wait").build(), "next");
        // What a page holds depends on who asks.
        r.header("Vary", "Authorization");
        return r.build();
    }

    @GET
    @PermitAll
    @Path("/latest")
    @Operation(operationId = "latestChangeCursor", summary = "The cursor of the newest change",
            description = "Start here to receive only what happens from now on.")
    public CursorView latest() {
        return new CursorView(Cursor.of(feed.latest()));
    }
}
