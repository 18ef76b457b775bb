package org.tic.membership.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** draft → submitted → under review → approved | rejected; withdrawn from any open state. */
public final class ApplicationLifecycle {

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> ALLOWED = Map.of(
            ApplicationStatus.DRAFT, EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN),
            ApplicationStatus.SUBMITTED, EnumSet.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.WITHDRAWN),
            ApplicationStatus.UNDER_REVIEW, EnumSet.of(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED,
                    ApplicationStatus.WITHDRAWN),
            ApplicationStatus.APPROVED, EnumSet.noneOf(ApplicationStatus.class),
            ApplicationStatus.REJECTED, EnumSet.noneOf(ApplicationStatus.class),
            ApplicationStatus.WITHDRAWN, EnumSet.noneOf(ApplicationStatus.class));

    private ApplicationLifecycle() {
    }

    public static boolean canMove(ApplicationStatus from, ApplicationStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Only a draft is edited; once submitted, what was judged stays what was submitted. */
    public static boolean isEditable(ApplicationStatus status) {
        return status == ApplicationStatus.DRAFT;
    }

    /** Moves that need the criteria met: submitting, and approving (the data may have been judged again). */
    public static boolean requiresEligibility(ApplicationStatus to) {
        return to == ApplicationStatus.SUBMITTED || to == ApplicationStatus.APPROVED;
    }
}
