package org.tic.kpi.service;

import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemException;
import org.tic.kpi.domain.FieldError;

import java.util.List;

/** Broken domain rules → a 400 problem+json listing every field, like bean validation does. */
final class Problems {

    private Problems() {
    }

    static ProblemException validation(List<FieldError> errors) {
        List<Problem.Violation> violations = errors.stream().map(e -> new Problem.Violation(e.field(), e.message())).toList();
        String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new ProblemException(new Problem("validation-failed", "Validation failed", 400, detail, violations));
    }
}
