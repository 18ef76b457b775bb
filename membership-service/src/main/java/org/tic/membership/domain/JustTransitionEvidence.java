package org.tic.membership.domain;

import jakarta.validation.constraints.Size;

/** Evidence of supporting a just transition: protecting jobs and creating local value. */
public record JustTransitionEvidence(@Size(max = 5000) String jobsProtectedPlan, @Size(max = 5000) String jobsCreatedPlan,
                                     @Size(max = 5000) String localValue, @Size(max = 10000) String description) {

    public boolean lacksContent() {
        return blank(jobsProtectedPlan) && blank(jobsCreatedPlan) && blank(localValue) && blank(description);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
