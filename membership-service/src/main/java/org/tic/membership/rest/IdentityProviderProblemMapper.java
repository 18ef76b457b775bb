package org.tic.membership.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemResponses;
import org.tic.membership.client.IdentityProviderUnavailableException;

/** The 503 problem of an unavailable identity provider, with Retry-After when a retry may help. */
public class IdentityProviderProblemMapper {

    private final ObjectMapper mapper;

    public IdentityProviderProblemMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response unavailable(IdentityProviderUnavailableException e, UriInfo uri) {
        Problem problem = e.problem();
        if (problem.instance == null && uri != null) {
            problem.instance = "/" + uri.getPath().replaceFirst("^/", "");
        }
        Response r = ProblemResponses.of(mapper, problem);
        return e.retryAfterSeconds() == null ? r
                : Response.fromResponse(r).header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
    }
}
