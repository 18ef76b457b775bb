package org.tic.commons.error;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ProblemOpenApiFilterTest {

    @Test
    void errorAnswersGetTheProblemSchemaAndSuccessesAreLeftAlone() {
        var described = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem")
                .description("already documented"));
        Operation op = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"))
                .addAPIResponse("412", OASFactory.createAPIResponse().description("Stale").content(
                        OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, described)))
                .addAPIResponse("503", OASFactory.createAPIResponse().description("Unavailable").content(
                        OASFactory.createContent().addMediaType("text/plain", OASFactory.createMediaType()))));
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Problem", OASFactory.createSchema()))
                .paths(OASFactory.createPaths().addPathItem("/api/v1/things", OASFactory.createPathItem().GET(op)));

        new ProblemOpenApiFilter().filterOpenAPI(openAPI);

        assertNull(response(op, "200").getContent());
        assertEquals("#/components/schemas/Problem",
                response(op, "401").getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef());
        assertSame(described, response(op, "412").getContent().getMediaType(Problem.MEDIA_TYPE));
        assertEquals(2, response(op, "503").getContent().getMediaTypes().size());
    }

    private static APIResponse response(Operation op, String status) {
        return op.getResponses().getAPIResponse(status);
    }
}
