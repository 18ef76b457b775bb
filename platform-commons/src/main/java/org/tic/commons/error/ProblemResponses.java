package org.tic.commons.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/** Writes problems with the right media type whatever the resource produces. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ObjectMapper mapper, Problem problem) {
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + problem.title + "\",\"status\":" + problem.status + "}";
        }
        Response.ResponseBuilder b = Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(body);
        if (problem.status == 401) {
            b.header("WWW-Authenticate", "Bearer realm=\"tic\"");
        }
        return b.build();
    }
}
