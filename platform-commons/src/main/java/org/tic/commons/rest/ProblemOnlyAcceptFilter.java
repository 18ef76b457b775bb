package org.tic.commons.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * A client that accepts only {@code application/problem+json} expects no body on success — that is what a generated
 * client sends for an operation whose only documented content is the problem (a 204 DELETE, say). Without this the
 * resource's {@code @Produces(application/json)} answers it 406; with it the JSON media type is accepted too.
 */
public class ProblemOnlyAcceptFilter {

    static final String PROBLEM = "application/problem+json";

    @ServerRequestFilter(preMatching = true)
    public void acceptJsonToo(ContainerRequestContext request) {
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept != null && onlyProblem(String.join(",", accept))) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, PROBLEM + ", application/json");
        }
    }

    static boolean onlyProblem(String accept) {
        boolean problem = false;
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase();
            if (type.isEmpty()) {
                continue;
            }
            if (!type.equals(PROBLEM)) {
                return false;
            }
            problem = true;
        }
        return problem;
    }
}
