package org.tic.project.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.commons.rest.PageRequest;
import org.tic.commons.rest.PageResponse;
import org.tic.project.domain.ClusterSnapshot;
import org.tic.project.mapping.ClusterView;
import org.tic.project.service.ClusterDirectory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clusters (read model)", description = "Clusters as this service knows them from membership.events; "
        + "read-only (membership-service owns them)")
public class ClusterResource {

    private final ClusterDirectory directory;

    public ClusterResource(ClusterDirectory directory) {
        this.directory = directory;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listClusters", summary = "List known clusters", description = "Public. E.g. ?slug=hynet-north-west to find the id to lead a project with.")
    public PageResponse<ClusterView> list(@QueryParam("slug") String slug,
                                          @Pattern(regexp = "[A-Z_]{1,20}", message = "must be a status such as SIGNATORY") @QueryParam("status") String status,
                                          @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. GB") @QueryParam("country") String country,
                                          @QueryParam("page") Integer page,
                                          @QueryParam("size") Integer size,
            @Parameter(description = PageRequest.COUNT_DESCRIPTION, schema = @Schema(enumeration = {"estimated", "exact"}))
            @QueryParam("count") String count) {
        PageRequest pr = PageRequest.of(page, size, count);
        var result = directory.search(slug, status, country, pr);
        Map<UUID, ClusterSnapshot> known = directory.load(result.items().stream().map(c -> c.id).toList());
        List<ClusterView> views = result.items().stream().map(c -> directory.toView(c, known)).toList();
        return PageResponse.of(views, pr, result.total(), v -> v);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(operationId = "getCluster", summary = "One known cluster", description = "Public.")
    @APIResponse(responseCode = "200", description = "The cluster as last seen on membership.events")
    @APIResponse(responseCode = "404", description = "Not (yet) seen on membership.events")
    public ClusterView get(@PathParam("id") UUID id) {
        ClusterSnapshot c = directory.get(id);
        return directory.toView(c, directory.load(List.of(id)));
    }
}
