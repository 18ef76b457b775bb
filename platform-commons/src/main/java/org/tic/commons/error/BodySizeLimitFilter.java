package org.tic.commons.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * Refuses oversized bodies with a 413 problem+json before anything reads them. Bulk endpoints (paths listed in
 * {@code tic.http.large-body-paths}) get a larger limit. Quarkus' own {@code quarkus.http.limits.max-body-size}
 * stays as the backstop for chunked bodies without a Content-Length.
 */
public class BodySizeLimitFilter {

    private final ObjectMapper mapper;
    private final long maxBytes;
    private final long maxLargeBytes;
    private final List<String> largeBodyPaths;

    public BodySizeLimitFilter(ObjectMapper mapper,
                               @ConfigProperty(name = "tic.http.max-body-bytes", defaultValue = "1048576") long maxBytes,
                               @ConfigProperty(name = "tic.http.max-large-body-bytes", defaultValue = "104857600") long maxLargeBytes,
                               @ConfigProperty(name = "tic.http.large-body-paths") Optional<List<String>> largeBodyPaths) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
        this.maxLargeBytes = maxLargeBytes;
        this.largeBodyPaths = largeBodyPaths.orElse(List.of());
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return ProblemResponses.of(mapper, new Problem("bad-request", "Bad request", 400,
                    "Content-Length is not a number", null));
        }
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        long limit = largeBodyPaths.stream().anyMatch(path::startsWith) ? maxLargeBytes : maxBytes;
        if (bytes > limit) {
            Problem p = new Problem("payload-too-large", "Payload too large", 413,
                    "The body has " + bytes + " bytes; this endpoint accepts at most " + limit, null)
                    .with("maxBytes", limit);
            p.instance = path;
            return ProblemResponses.of(mapper, p);
        }
        return null;
    }
}
