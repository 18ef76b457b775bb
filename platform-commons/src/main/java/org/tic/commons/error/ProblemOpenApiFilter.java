package org.tic.commons.error;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.tic.commons.rest.OpenApiResponses;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every 4xx and 5xx answer of every service is an RFC 9457 problem ({@link ProblemMappers}, and the security mappers
 * for 401/403), whatever the resource produces. This says so in the OpenAPI document: each error response without
 * {@code application/problem+json} content (the ones smallrye adds for security and bad requests, and the annotated
 * ones that only give a description) gets it, with the {@link Problem} schema — so generated clients parse it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean problemSchema = openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey("Problem");
        for (var item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (isError(status) && response.getRef() == null) {
                        document(response, problemSchema);
                    }
                });
                OpenApiResponses.inStatusOrder(operation.getResponses());
            }
        }
    }

    static boolean isError(String status) {
        return status != null && (status.startsWith("4") || status.startsWith("5"));
    }

    private static void document(APIResponse response, boolean problemSchema) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        if (content.hasMediaType(Problem.MEDIA_TYPE)) {
            return;
        }
        Schema schema = problemSchema ? OASFactory.createSchema().ref("#/components/schemas/Problem")
                : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(schema));
    }
}
