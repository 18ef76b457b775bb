package org.tic.kpi.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.tic.commons.rest.OpenApiResponses;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents what {@link DashboardCacheFilter} adds to the cache-friendly GETs, in the OpenAPI document itself: the
 * If-None-Match parameter, the ETag and Cache-Control headers of a 200, and the 304 answer.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DashboardOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (var entry : openAPI.getPaths().getPathItems().entrySet()) {
            String path = entry.getKey();
            PathItem item = entry.getValue();
            Operation get = item.getGET();
            if (get == null) {
                continue;
            }
            boolean cached = DashboardCacheFilter.cached(path);
            if (!cached && !DashboardCacheFilter.alwaysRevalidated(path)) {
                continue;
            }
            document(get, cached ? "public, max-age=30 (tic.kpi.dashboard.cache-max-age)" : "no-cache (always revalidate)");
        }
    }

    private static void document(Operation get, String cacheControl) {
        boolean hasParameter = get.getParameters() != null && get.getParameters().stream()
                .anyMatch(p -> "If-None-Match".equalsIgnoreCase(p.getName()));
        if (!hasParameter) {
            get.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("The ETag of the answer you hold: 304 without a body when it is still current")
                    .schema(string()));
        }
        if (get.getResponses() == null) {
            get.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse ok = get.getResponses().getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("ETag", OASFactory.createHeader().schema(string())
                    .description("Strong validator: a hash of the exact bytes of this answer"));
            ok.addHeader("Cache-Control", OASFactory.createHeader().schema(string()).description(cacheControl));
        }
        if (get.getResponses().getAPIResponse("304") == null) {
            get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match named the current ETag"));
        }
        OpenApiResponses.inStatusOrder(get.getResponses());
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
