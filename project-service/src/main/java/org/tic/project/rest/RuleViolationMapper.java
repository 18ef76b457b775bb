package org.tic.project.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemResponses;
import org.tic.project.domain.RuleViolation;

/** A broken domain rule is a 422 problem+json whose type names the rule. */
public class RuleViolationMapper {

    private final ObjectMapper mapper;

    public RuleViolationMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e, UriInfo uri) {
        Problem p = new Problem(e.code(), e.title(), 422, e.getMessage(), null);
        e.extensions().forEach(p::with);
        p.instance = "/" + uri.getPath().replaceFirst("^/", "");
        return ProblemResponses.of(mapper, p);
    }
}
