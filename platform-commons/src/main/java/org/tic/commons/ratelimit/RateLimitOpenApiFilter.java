package org.tic.commons.ratelimit;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.tic.commons.rest.OpenApiResponses;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.Map;

/**
 * Documents what {@link RateLimitFilter} may answer, on every {@code /api/} operation of every service: 429
 * problem+json with Retry-After and the RateLimit headers — so a partner's generated client knows the answer exists.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RateLimitOpenApiFilter implements OASFilter {

    static final String STATUS = "429";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean problemSchema = openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey("Problem");
        for (var entry : openAPI.getPaths().getPathItems().entrySet()) {
            if (!entry.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : entry.getValue().getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().hasAPIResponse(STATUS)) {
                    continue;
                }
                operation.getResponses().addAPIResponse(STATUS, tooManyRequests(problemSchema));
                OpenApiResponses.inStatusOrder(operation.getResponses());
            }
        }
    }

    private static APIResponse tooManyRequests(boolean problemSchema) {
        Schema problem = problemSchema ? OASFactory.createSchema().ref("#/components/schemas/Problem")
                : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        Map<String, Header> headers = new java.util.LinkedHashMap<>();
        headers.put("Retry-After", header("Seconds until the next request can succeed", Schema.SchemaType.INTEGER));
        headers.put("RateLimit", header("What is left of this client's limit (IETF draft: limit, remaining, reset)", Schema.SchemaType.STRING));
        headers.put("RateLimit-Policy", header("The limit of this client's role: requests per window (docs/rate-limits.md)", Schema.SchemaType.STRING));
        return OASFactory.createAPIResponse()
                .description("Too many requests from this client (per-client token bucket, per replica); retry after "
                        + "Retry-After seconds")
                .headers(headers)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(problem).examples(Map.of("rate-limited",
                                OASFactory.createExample().value(example())))));
    }

    /** In a fixed order: the stored document must be the same on every build (api-contract-tests compares it). */
    private static Map<String, Object> example() {
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", "urn:tic:problem:rate-limited");
        example.put("title", "Too many requests");
        example.put("status", 429);
        example.put("detail", "This client's limit is 600 requests per minute; retry in 3 s");
        return example;
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }
}
