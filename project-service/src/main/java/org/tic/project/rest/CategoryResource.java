package org.tic.project.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tic.project.domain.ProjectCategory;
import org.tic.project.mapping.CategoryView;
import org.tic.project.mapping.ProjectMapper;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/project-categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stages")
public class CategoryResource {

    private final ProjectMapper mapper;

    public CategoryResource(ProjectMapper mapper) {
        this.mapper = mapper;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listProjectCategories", summary = "The project categories and their mapping to the IEA, GEM and MPP vocabularies",
            description = "Public. A fixed list (not paged), in declaration order; OTHER last.")
    public List<CategoryView> list() {
        return Arrays.stream(ProjectCategory.values()).map(mapper::toView).toList();
    }
}
