package org.tic.commons.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.Optional;

/**
 * Some reads depend on who asks (fields shown to some callers only, while the ETag is the revision either way), so
 * caches must keep one copy per caller: {@code Vary: Authorization} on responses under the paths listed in
 * {@code tic.http.vary-by-caller-paths} (e.g. {@code /api/v1/projects}).
 */
public class VaryByCaller {

    private final List<String> paths;

    public VaryByCaller(@ConfigProperty(name = "tic.http.vary-by-caller-paths") Optional<List<String>> paths) {
        this.paths = paths.orElse(List.of()).stream().map(p -> p.replaceFirst("^/", "")).toList();
    }

    @ServerResponseFilter
    public void vary(ContainerRequestContext request, ContainerResponseContext response) {
        if (paths.isEmpty() || response.getHeaders().containsKey("Vary")) {
            return;
        }
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        for (String prefix : paths) {
            if (path.startsWith(prefix)) {
                response.getHeaders().add("Vary", HttpHeaders.AUTHORIZATION);
                return;
            }
        }
    }
}
