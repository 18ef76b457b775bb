package org.tic.commons.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;
import org.tic.commons.error.ProblemOpenApiFilter;
import org.tic.commons.ratelimit.RateLimitOpenApiFilter;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpenApiResponsesTest {

    @Test
    void theFiltersLeaveTheAnswersInStatusOrderWhicheverRunsFirst() {
        Operation one = operation();
        Operation other = operation();

        new RateLimitOpenApiFilter().filterOpenAPI(document(one));
        new ProblemOpenApiFilter().filterOpenAPI(document(one));
        new ProblemOpenApiFilter().filterOpenAPI(document(other));
        new RateLimitOpenApiFilter().filterOpenAPI(document(other));

        List<String> expected = List.of("200", "304", "400", "429");
        assertEquals(expected, List.copyOf(one.getResponses().getAPIResponses().keySet()));
        assertEquals(expected, List.copyOf(other.getResponses().getAPIResponses().keySet()));
    }

    private static Operation operation() {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("400", OASFactory.createAPIResponse().description("Bad request"))
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                .addAPIResponse("304", OASFactory.createAPIResponse().description("Not modified")));
    }

    private static OpenAPI document(Operation op) {
        return OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths().addPathItem("/api/v1/things", OASFactory.createPathItem().GET(op)));
    }
}
