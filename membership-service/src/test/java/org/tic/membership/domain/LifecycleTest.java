package org.tic.membership.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTest {

    @Test
    void applicationMovesOnlyForward() {
        assertTrue(ApplicationLifecycle.canMove(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED));
        assertTrue(ApplicationLifecycle.canMove(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW));
        assertTrue(ApplicationLifecycle.canMove(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED));
        assertTrue(ApplicationLifecycle.canMove(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REJECTED));
        assertFalse(ApplicationLifecycle.canMove(ApplicationStatus.DRAFT, ApplicationStatus.APPROVED));
        assertFalse(ApplicationLifecycle.canMove(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED));
        assertFalse(ApplicationLifecycle.canMove(ApplicationStatus.APPROVED, ApplicationStatus.WITHDRAWN));
        assertFalse(ApplicationLifecycle.canMove(ApplicationStatus.REJECTED, ApplicationStatus.SUBMITTED));
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertTrue(ApplicationLifecycle.canMove(s, ApplicationStatus.WITHDRAWN) == s.isOpen(), s.name());
        }
        assertTrue(ApplicationLifecycle.requiresEligibility(ApplicationStatus.SUBMITTED));
        assertTrue(ApplicationLifecycle.requiresEligibility(ApplicationStatus.APPROVED));
        assertFalse(ApplicationLifecycle.requiresEligibility(ApplicationStatus.REJECTED));
    }

    @Test
    void endedClustersStayEnded() {
        for (ClusterStatus to : ClusterStatus.values()) {
            assertFalse(ClusterLifecycle.canMove(ClusterStatus.WITHDRAWN, to));
            assertFalse(ClusterLifecycle.canMove(ClusterStatus.MERGED, to));
        }
        assertTrue(ClusterLifecycle.canMove(ClusterStatus.SIGNATORY, ClusterStatus.SUSPENDED));
        assertTrue(ClusterLifecycle.canMove(ClusterStatus.SUSPENDED, ClusterStatus.SIGNATORY));
        assertFalse(ClusterLifecycle.canMove(ClusterStatus.APPLICANT, ClusterStatus.SUSPENDED));
        assertFalse(ClusterLifecycle.canMerge(ClusterStatus.WITHDRAWN));
        assertTrue(ClusterLifecycle.canMerge(ClusterStatus.SUSPENDED));
    }

    @Test
    void onlyApplicantsApplyOrAreRecordedAsMembersAndOnlyDraftsAreEdited() {
        for (ClusterStatus s : ClusterStatus.values()) {
            assertTrue(ClusterLifecycle.mayApply(s) == (s == ClusterStatus.APPLICANT), s.name());
            assertTrue(ClusterLifecycle.mayBeRecordedAsExistingMember(s) == (s == ClusterStatus.APPLICANT), s.name());
            assertTrue(ClusterLifecycle.partiesMayChange(s) == (s != ClusterStatus.MERGED && s != ClusterStatus.WITHDRAWN), s.name());
        }
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertTrue(ApplicationLifecycle.isEditable(s) == (s == ApplicationStatus.DRAFT), s.name());
        }
    }
}
