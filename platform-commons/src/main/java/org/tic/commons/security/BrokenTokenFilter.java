package org.tic.commons.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemResponses;

/**
 * A request that carries a token which does not verify (expired, wrongly signed, from another issuer, malformed) is
 * refused with 401 on every API operation, public reads included: a broken token is never silently read as no
 * token (the caller would get the anonymous view without knowing why). Requests without a token are not touched.
 */
public class BrokenTokenFilter {

    private final CurrentIdentityAssociation identity;
    private final ObjectMapper mapper;

    public BrokenTokenFilter(CurrentIdentityAssociation identity, ObjectMapper mapper) {
        this.identity = identity;
        this.mapper = mapper;
    }

    @ServerRequestFilter
    public Uni<Response> refuseBrokenTokens(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .onItem().transform(i -> (Response) null)
                .onFailure(AuthenticationFailedException.class).recoverWithItem(e -> {
                    Problem p = new Problem("unauthorized", "Unauthorized", 401,
                            "The bearer token is invalid, expired, or not from the trusted issuer", null);
                    p.instance = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
                    return ProblemResponses.of(mapper, p);
                });
    }
}
