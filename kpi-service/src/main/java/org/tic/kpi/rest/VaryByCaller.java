package org.tic.kpi.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * KPI report reads depend on who asks (personal provenance is shown to some callers only, while the ETag is the
 * revision either way), so caches must keep one copy per caller: {@code Vary: Authorization} on report responses.
 */
public class VaryByCaller {

    @ServerResponseFilter
    public void vary(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("api/v1/kpi-reports")
                && !response.getHeaders().containsKey("Vary")) {
            response.getHeaders().add("Vary", HttpHeaders.AUTHORIZATION);
        }
    }
}
