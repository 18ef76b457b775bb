package org.tic.commons.error;

import java.util.List;
import java.util.Map;

/** Thrown by the service layer to answer with a problem+json; nothing is committed (the transaction rolls back). */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title + (problem.detail == null ? "" : ": " + problem.detail), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(new Problem("not-found", what + " not found", 404,
                what + " " + id + " does not exist", null));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem("conflict", "Conflict", 409, detail, null));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(new Problem("bad-request", "Bad request", 400, detail, null));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(new Problem("validation-failed", "Validation failed", 400,
                field + ": " + message, List.of(new Problem.Violation(field, message))));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(new Problem("precondition-failed", "Precondition failed", 412, detail, null));
    }

    /** A well-formed request that breaks a business rule (e.g. an ineligible application). */
    public static ProblemException unprocessable(String code, String title, String detail, Map<String, Object> extensions) {
        Problem p = new Problem(code, title, 422, detail, null);
        if (extensions != null) {
            extensions.forEach(p::with);
        }
        return new ProblemException(p);
    }
}
