package org.tic.project.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.tic.commons.rest.SortSpec;
import org.tic.project.domain.ProjectCategory;
import org.tic.project.domain.Stage;
import org.tic.project.mapping.CorridorView;
import org.tic.project.repository.ProjectRepository;
import org.tic.project.service.ProjectService;

import java.util.UUID;

@Path("/api/v1/corridors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Corridors", description = "Projects spanning two or more clusters in two or more countries")
public class CorridorResource {

    private final ProjectService service;

    public CorridorResource(ProjectService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCorridors", summary = "List corridors", description = "Public. Each with its origin and destination cluster (e.g. "
            + "Algeciras → Rotterdam). Filters as for projects; sorted by name unless sort says otherwise.")
    @APIResponse(responseCode = "200", description = "A page of corridors")
    public PageResponse<CorridorView> list(@QueryParam("cluster") UUID cluster,
                                           @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. NL") @QueryParam("country") String country,
                                           @QueryParam("category") ProjectCategory category,
                                           @QueryParam("stage") Stage stage,
                                           @QueryParam("sort") String sort,
                                           @QueryParam("page") Integer page,
                                           @QueryParam("size") Integer size,
            @Parameter(description = PageRequest.COUNT_DESCRIPTION, schema = @Schema(enumeration = {"estimated", "exact"}))
            @QueryParam("count") String count) {
        PageRequest pr = PageRequest.of(page, size, count);
        var result = service.list(new ProjectRepository.Filter(cluster, country, category, stage, null, true, null),
                SortSpec.parse(sort, ProjectRepository.SORTABLE, "name", "p.id"), pr);
        return PageResponse.of(service.corridorViews(result.items()), pr, result.total(), v -> v);
    }
}
