package org.tic.commons.rest;

import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** A validated page request: {@code page} from 0, {@code size} from 1 to {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        List<Problem.Violation> violations = new ArrayList<>();
        if (p < 0) {
            violations.add(new Problem.Violation("page", "must be 0 or greater"));
        }
        if (p > 1_000_000) {
            violations.add(new Problem.Violation("page", "must be at most 1000000"));
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add(new Problem.Violation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(new Problem("validation-failed", "Validation failed", 400,
                    violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    violations));
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
