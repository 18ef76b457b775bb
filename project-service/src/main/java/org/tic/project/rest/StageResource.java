package org.tic.project.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tic.project.domain.Stage;
import org.tic.project.mapping.ProjectMapper;
import org.tic.project.mapping.StageView;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/stages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stages")
public class StageResource {

    private final ProjectMapper mapper;

    public StageResource(ProjectMapper mapper) {
        this.mapper = mapper;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listStages", summary = "The stage list and its mapping to the IEA, GCCSI, GEM and MPP vocabularies",
            description = "Public. A fixed list of ten stages (not paged), main line first.")
    public List<StageView> list() {
        return Arrays.stream(Stage.values()).map(mapper::toView).toList();
    }
}
