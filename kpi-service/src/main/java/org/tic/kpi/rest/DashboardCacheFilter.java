package org.tic.kpi.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Makes the public read endpoints dashboards poll cache-friendly, without touching their resources: on a 200 to a GET
 * of the initiative roll-ups ({@code /api/v1/initiative/**}) or of {@code /api/v1/clusters/{id}/kpis}, the body is
 * serialised once here, its SHA-256 becomes a strong {@code ETag}, and {@code If-None-Match} with that tag (or
 * {@code *}) answers {@code 304 Not Modified} without a body. {@code Cache-Control: public, max-age=N}
 * ({@code tic.kpi.dashboard.cache-max-age}, 30 s) lets browsers and proxies reuse an answer briefly; the data version
 * endpoint is {@code no-cache} (always revalidated, 304 when unchanged), since it exists to be polled.
 * <p>
 * The tag is computed from the exact bytes sent, so two representations (JSON, CSV) never share one, and an answer
 * only keeps its tag while it is byte-for-byte the same.
 */
@ApplicationScoped
public class DashboardCacheFilter {

    private static final Pattern CACHED = Pattern.compile(
            "/?api/v1/(initiative/(summary|breakdowns|timeseries|pipeline|published|clusters(/[^/]+/projects)?)"
                    + "|clusters/[^/]+/kpis)/?");
    private static final Pattern ALWAYS_REVALIDATE = Pattern.compile("/?api/v1/initiative/version/?");

    private final ObjectMapper json;
    private final int maxAge;

    public DashboardCacheFilter(ObjectMapper json,
                                @ConfigProperty(name = "tic.kpi.dashboard.cache-max-age", defaultValue = "30") int maxAge) {
        this.json = json;
        this.maxAge = maxAge;
    }

    @ServerResponseFilter
    public void etag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        String cacheControl;
        if (cached(path)) {
            cacheControl = "public, max-age=" + maxAge;
        } else if (alwaysRevalidated(path)) {
            cacheControl = "no-cache";
        } else {
            return;
        }
        Object entity = response.getEntity();
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        byte[] body;
        if (entity instanceof StreamingOutput) {
            return;
        } else if (entity instanceof byte[] bytes) {
            body = bytes;
        } else if (entity instanceof String s) {
            body = s.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                body = json.writeValueAsBytes(entity);
            } catch (JsonProcessingException e) {
                return; // leave it to the normal writer (and its error handling)
            }
        }
        String tag = "\"" + hash(body) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        } else if (!(entity instanceof byte[]) && !(entity instanceof String)) {
            // Send exactly the bytes the tag was computed from (and do not serialise twice).
            response.setEntity(body, response.getEntityAnnotations(), type);
        }
    }

    /** Whether GETs of this path (a request path, or an OpenAPI path template) are tagged and publicly cacheable. */
    static boolean cached(String path) {
        return CACHED.matcher(path).matches();
    }

    /** Whether GETs of this path are tagged and always revalidated (no-cache). */
    static boolean alwaysRevalidated(String path) {
        return ALWAYS_REVALIDATE.matcher(path).matches();
    }

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
