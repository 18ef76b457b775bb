package org.tic.commons.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.json.JsonString;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemResponses;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client rate limits on the API operations (see docs/rate-limits.md and {@link RateLimitConfig}): one token
 * bucket per client and policy in this replica's memory; over the limit, 429 problem+json with Retry-After; on every
 * limited response the RateLimit-Policy and RateLimit fields. Only matched JAX-RS operations are limited, so
 * /q/* (health, metrics, OpenAPI) and static files never are; neither is OPTIONS (CORS preflight).
 * <p>
 * Runs after {@link org.tic.commons.security.BrokenTokenFilter} (a later priority), which answers a broken token with
 * 401 before any bucket is touched; should authentication fail here anyway, the call counts as anonymous.
 */
public class RateLimitFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final CurrentIdentityAssociation identity;
    private final ObjectMapper mapper;
    private final boolean enabled;
    private final boolean trustForwardedFor;
    private final RateLimitPolicies policies;
    private final RateLimiter limiter;
    private final MeterRegistry registry;
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();

    public RateLimitFilter(CurrentIdentityAssociation identity, ObjectMapper mapper, RateLimitConfig config,
                           MeterRegistry registry) {
        this.identity = identity;
        this.mapper = mapper;
        this.enabled = config.enabled();
        this.trustForwardedFor = config.trustForwardedFor();
        this.policies = RateLimitPolicies.from(config);
        this.limiter = new RateLimiter(policies, config.maxClients(), TimeMeter.SYSTEM_NANOTIME);
        this.registry = registry;
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Uni<Response> limit(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (!enabled || HttpMethod.OPTIONS.equals(request.getMethod()) || path(request).startsWith("/q/")) {
            return Uni.createFrom().nullItem();
        }
        boolean bulk = isBulk(resource);
        return identity.getDeferredIdentity()
                .onFailure().recoverWithItem((SecurityIdentity) null)
                .map(caller -> decide(request, http, caller, bulk));
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision d) {
            response.getHeaders().putSingle(RateLimitDecision.POLICY_HEADER, d.policyHeader());
            response.getHeaders().putSingle(RateLimitDecision.RATE_LIMIT_HEADER, d.rateLimitHeader());
        }
    }

    private Response decide(ContainerRequestContext request, HttpServerRequest http, SecurityIdentity caller, boolean bulk) {
        boolean anonymous = caller == null || caller.isAnonymous();
        Set<String> roles = anonymous ? Set.of() : caller.getRoles();
        String key = anonymous ? addressKey(request, http) : tokenKey(caller);
        RateLimitDecision d = limiter.tryConsume(policies.forCall(roles, bulk), key);
        request.setProperty(DECISION, d);
        if (d.allowed()) {
            return null;
        }
        rejected(d.policy().name());
        Problem p = d.problem();
        p.instance = path(request);
        return Response.fromResponse(ProblemResponses.of(mapper, p))
                .header(RateLimitDecision.RETRY_AFTER_HEADER, d.retryAfterSeconds())
                .header(RateLimitDecision.POLICY_HEADER, d.policyHeader())
                .header(RateLimitDecision.RATE_LIMIT_HEADER, d.rateLimitHeader())
                .build();
    }

    private String addressKey(ContainerRequestContext request, HttpServerRequest http) {
        SocketAddress remote = http == null ? null : http.remoteAddress();
        List<String> forwarded = trustForwardedFor ? request.getHeaders().get("X-Forwarded-For") : null;
        return ClientKeys.ofAddress(remote == null ? null : remote.hostAddress(), forwarded, trustForwardedFor);
    }

    private static String tokenKey(SecurityIdentity caller) {
        String name = caller.getPrincipal() == null ? null : caller.getPrincipal().getName();
        if (caller.getPrincipal() instanceof JsonWebToken jwt) {
            String sub = jwt.getSubject();
            return ClientKeys.ofToken(sub == null ? name : sub, string(jwt.getClaim("azp")),
                    string(jwt.getClaim("client_id")), string(jwt.getClaim("preferred_username")));
        }
        return ClientKeys.ofToken(name, null, null, null);
    }

    private static boolean isBulk(ResourceInfo resource) {
        if (resource == null) {
            return false;
        }
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        return (method != null && method.isAnnotationPresent(BulkOperation.class))
                || (type != null && type.isAnnotationPresent(BulkOperation.class));
    }

    private void rejected(String policy) {
        rejections.computeIfAbsent(policy, p -> Counter.builder("tic.rate.limit.rejected")
                .description("Requests refused with 429 by this replica's rate limits").tag("policy", p)
                .register(registry)).increment();
    }

    private static String path(ContainerRequestContext request) {
        return "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    }

    private static String string(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim instanceof String s && !s.isEmpty() ? s : null;
    }
}
