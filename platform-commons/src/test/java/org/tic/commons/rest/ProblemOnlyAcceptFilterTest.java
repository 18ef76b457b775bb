package org.tic.commons.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemOnlyAcceptFilterTest {

    @Test
    void onlyAnAcceptOfProblemJsonAloneIsWidened() {
        assertTrue(ProblemOnlyAcceptFilter.onlyProblem("application/problem+json"));
        assertTrue(ProblemOnlyAcceptFilter.onlyProblem("application/problem+json;q=0.9"));
        assertFalse(ProblemOnlyAcceptFilter.onlyProblem("application/json, application/problem+json"));
        assertFalse(ProblemOnlyAcceptFilter.onlyProblem("text/csv"));
        assertFalse(ProblemOnlyAcceptFilter.onlyProblem("*/*"));
        assertFalse(ProblemOnlyAcceptFilter.onlyProblem(""));
    }
}
