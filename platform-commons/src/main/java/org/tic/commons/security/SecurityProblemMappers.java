package org.tic.commons.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemResponses;

/** 401 and 403 as problem+json; a 401 tells the client to send a bearer token. */
public class SecurityProblemMappers {

    private final ObjectMapper mapper;

    public SecurityProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized("Send a valid bearer token (Authorization: Bearer ...)", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("The bearer token is invalid, expired, or not from the trusted issuer", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Problem p = new Problem("forbidden", "Forbidden", 403, "Your role does not allow this operation", null);
        p.instance = path(uri);
        return ProblemResponses.of(mapper, p);
    }

    private Response unauthorized(String detail, UriInfo uri) {
        Problem p = new Problem("unauthorized", "Unauthorized", 401, detail, null);
        p.instance = path(uri);
        return Response.fromResponse(ProblemResponses.of(mapper, p))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tic\"").build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
