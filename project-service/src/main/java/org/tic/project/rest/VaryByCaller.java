package org.tic.project.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Project reads depend on who asks (financial fields are shown to some callers only), so caches must keep one copy
 * per caller: {@code Vary: Authorization} on every project response.
 */
public class VaryByCaller {

    @ServerResponseFilter
    public void vary(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/v1/projects") && !response.getHeaders().containsKey("Vary")) {
            response.getHeaders().add("Vary", HttpHeaders.AUTHORIZATION);
        }
    }
}
