package org.tic.commons.error;

/**
 * Thrown by the service layer for what is about the request rather than a rule: a missing resource, an unusable
 * parameter, a stale If-Match. Broken rules are {@link org.tic.commons.rules.RuleViolation}. Nothing is committed.
 */
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

    public static ProblemException badRequest(String detail) {
        return new ProblemException(new Problem("bad-request", "Bad request", 400, detail, null));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(new Problem("precondition-failed", "Precondition failed", 412, detail, null));
    }
}
