package org.tic.commons.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tic.commons.rules.RuleViolation;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Every error leaves as RFC 9457 problem+json: validation (with field paths), malformed JSON, not found,
 * conflicts, stale versions, unavailable dependencies; anything unexpected is a 500 without a stack trace
 * (logged with an id the client can quote).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper mapper;

    public ProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e, UriInfo uri) {
        return respond(problemOf(e), uri);
    }

    /** The one mapping of a broken rule: invalid fields 400, conflict 409, refused by a rule 422. */
    static Problem problemOf(RuleViolation e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
        List<Problem.Violation> violations = e.fields().stream()
                .map(f -> new Problem.Violation(f.field(), f.message())).toList();
        Problem p = new Problem(e.code(), e.title(), status, e.detail(), violations);
        e.extensions().forEach(p::with);
        return p;
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e, UriInfo uri) {
        return constraintViolations(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            if (isReturnValue(v.getPropertyPath())) {
                return unexpected(e, uri); // our bug, not the client's
            }
            violations.add(new Problem.Violation(fieldPath(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b)
                .orElse("Invalid request");
        return respond(new Problem("validation-failed", "Validation failed", 400, detail, violations), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && isConversionFailure(cause)) {
            // JAX-RS answers 404 when a query or path parameter does not convert; for a client that is a bad request.
            return respond(new Problem("invalid-parameter", "Invalid parameter", 400, cause.getMessage(), null), uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType statusType = e.getResponse().getStatusInfo();
        String detail = switch (status) {
            case 404 -> "No resource at " + (uri == null ? "this path" : "/" + uri.getPath().replaceFirst("^/", ""));
            case 405 -> "Method not allowed on this resource";
            case 406 -> "The requested media type is not available; this API produces application/json";
            case 415 -> "Unsupported media type; send application/json";
            default -> e.getMessage();
        };
        Problem problem = new Problem(slug(statusType.getReasonPhrase()), statusType.getReasonPhrase(), status, detail, null);
        Response.ResponseBuilder builder = Response.fromResponse(respond(problem, uri));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        String wwwAuthenticate = e.getResponse().getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
        if (wwwAuthenticate != null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return staleVersion(headers, uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, HttpHeaders headers, UriInfo uri) {
        return staleVersion(headers, uri);
    }

    @ServerExceptionMapper
    public Response anything(Throwable e, HttpHeaders headers, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return respond(p.problem(), uri);
            }
            if (t instanceof RuleViolation r) {
                return respond(problemOf(r), uri);
            }
            if (t instanceof ConstraintViolationException cve) {
                return constraintViolations(cve, uri);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return staleVersion(headers, uri);
            }
            if (isConnectionLoss(t)) {
                return unavailable(uri);
            }
            // A commit that failed because the database went away carries the cause as a suppressed exception
            // (Narayana's RollbackException): still "unavailable, retry", not an internal error.
            for (Throwable s : t.getSuppressed()) {
                for (Throwable c = s; c != null; c = c.getCause() == c ? null : c.getCause()) {
                    if (isConnectionLoss(c)) {
                        return unavailable(uri);
                    }
                }
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
                return dataConflict(c.getSQLState(), uri);
            }
            if (t instanceof java.io.CharConversionException) { // e.g. a body starting with a bogus UCS-4 mark
                return respond(new Problem("malformed-request-body", "Malformed request body", 400,
                        "The body is not valid UTF-8 JSON", null), uri);
            }
            if (t instanceof java.time.DateTimeException) { // a date outside what the calendar arithmetic supports
                return respond(new Problem("invalid-parameter", "Invalid parameter", 400,
                        "A date is out of the supported range", null), uri);
            }
            if (t instanceof org.hibernate.exception.DataException) {
                return respond(new Problem("invalid-value", "Invalid value", 400,
                        "A value is out of range or too long for its field", null), uri);
            }
        }
        return unexpected(e, uri);
    }

    private static boolean isConnectionLoss(Throwable t) {
        return t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || (t instanceof SQLException sql && isUnavailable(sql.getSQLState()));
    }

    private Response dataConflict(String sqlState, UriInfo uri) {
        if ("23505".equals(sqlState)) {
            return respond(new Problem("conflict", "Conflict", 409, "A resource with the same unique key already exists",
                    null), uri);
        }
        if ("23503".equals(sqlState)) {
            return respond(new Problem("conflict", "Conflict", 409,
                    "The change refers to, or is referred to by, another resource", null), uri);
        }
        return respond(new Problem("invalid-value", "Invalid value", 400, "A value breaks a data constraint", null), uri);
    }

    private Response staleVersion(HttpHeaders headers, UriInfo uri) {
        boolean conditional = headers != null && headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
        Problem p = conditional
                ? new Problem("precondition-failed", "Precondition failed", 412,
                "The resource changed since the version in If-Match; read it again and retry", null)
                : new Problem("concurrent-modification", "Conflict", 409,
                "The resource was changed concurrently; read it again and retry", null);
        return respond(p, uri);
    }

    private Response unavailable(UriInfo uri) {
        return Response.fromResponse(respond(new Problem("service-unavailable", "Service unavailable", 503,
                        "A dependency of this service is unreachable; retry later", null), uri))
                .header("Retry-After", "5").build();
    }

    private Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = null;
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            field = jsonPath(jme.getPath());
        }
        String detail;
        if (e instanceof UnrecognizedPropertyException u) {
            detail = "Unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f) {
            detail = "Value " + truncate(String.valueOf(f.getValue())) + " is not a valid " + f.getTargetType().getSimpleName()
                    + enumValues(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            detail = "Expected " + m.getTargetType().getSimpleName() + enumValues(m.getTargetType());
        } else {
            detail = "The body is not valid JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        List<Problem.Violation> violations = field == null ? null : List.of(new Problem.Violation(field, detail));
        return respond(new Problem("malformed-request-body", "Malformed request body", 400,
                field == null ? detail : field + ": " + detail, violations), uri);
    }

    private Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri == null ? "?" : uri.getPath());
        return respond(new Problem("internal-error", "Internal error", 500,
                "The request could not be completed; quote error id " + errorId + " when reporting it", null)
                .with("errorId", errorId), uri);
    }

    private Response respond(Problem problem, UriInfo uri) {
        if (problem.instance == null && uri != null) {
            problem.instance = "/" + uri.getPath().replaceFirst("^/", "");
        }
        return ProblemResponses.of(mapper, problem);
    }

    private static boolean isConversionFailure(Throwable cause) {
        return cause instanceof IllegalArgumentException || cause instanceof DateTimeParseException;
    }

    /** Connection lost, server shutting down or starting, or a statement cancelled by statement_timeout. */
    private static boolean isUnavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P03")
                || sqlState.equals("57014"));
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code create.request.parties[1].name} → {@code parties[1].name}: clients know fields, not Java methods; a body
     * parameter's name means nothing to them, a query parameter's name is the field itself.
     */
    static String fieldPath(Path path) {
        java.util.List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CONTAINER_ELEMENT
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                if (i == nodes.size() - 1) {
                    sb.append(node.getName());
                }
                continue;
            }
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                sb.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        String s = sb.toString();
        return s.isEmpty() ? "body" : s;
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static String enumValues(Class<?> type) {
        if (type != null && type.isEnum()) {
            StringBuilder sb = new StringBuilder(" (one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return sb.append(')').toString();
        }
        return "";
    }

    private static String truncate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String slug(String reason) {
        return reason == null ? "error" : reason.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
