package org.tic.membership.domain;

import org.junit.jupiter.api.Test;
import org.tic.commons.rules.RuleViolation;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergeRulesTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID successor = UUID.randomUUID();

    @Test
    void aMergeNamesEitherAnExistingSuccessorOrANewCluster() {
        RuleViolation both = assertThrows(RuleViolation.class, () -> MergeRules.predecessors(successor, true, List.of(a, b)));
        RuleViolation neither = assertThrows(RuleViolation.class, () -> MergeRules.predecessors(null, false, List.of(a, b)));
        assertEquals("successorClusterId", both.fields().get(0).field());
        assertEquals(RuleViolation.Kind.INVALID, neither.kind());
    }

    @Test
    void anExistingSuccessorListedAmongThePredecessorsIsNotItsOwnPredecessor() {
        assertEquals(Set.of(a), MergeRules.predecessors(successor, false, List.of(a, successor, a)));
        RuleViolation alone = assertThrows(RuleViolation.class, () -> MergeRules.predecessors(successor, false, List.of(successor)));
        assertEquals("predecessorIds", alone.fields().get(0).field());
    }

    @Test
    void aNewClusterNeedsTwoDistinctPredecessors() {
        assertEquals(Set.of(a, b), MergeRules.predecessors(null, true, List.of(a, b)));
        assertThrows(RuleViolation.class, () -> MergeRules.predecessors(null, true, List.of(a, a)));
    }

    @Test
    void onlyClustersWhoseStatusAllowsItMergeOrSucceed() {
        for (ClusterStatus status : ClusterStatus.values()) {
            if (ClusterLifecycle.canMerge(status)) {
                MergeRules.requireMergeable("x", status);
                MergeRules.requireSuccessor("x", status);
            } else {
                RuleViolation e = assertThrows(RuleViolation.class, () -> MergeRules.requireMergeable("port-x", status));
                assertEquals(RuleViolation.Kind.CONFLICT, e.kind());
                assertEquals("Cluster port-x is " + status + " and cannot be merged", e.detail());
                assertThrows(RuleViolation.class, () -> MergeRules.requireSuccessor("port-x", status));
            }
        }
        assertFalse(ClusterLifecycle.canMerge(ClusterStatus.MERGED));
    }

    @Test
    void aJointClusterIsASignatoryWhenAnyPredecessorWas() {
        assertTrue(MergeRules.jointClusterIsSignatory(List.of(ClusterStatus.APPLICANT, ClusterStatus.SUSPENDED)));
        assertTrue(MergeRules.jointClusterIsSignatory(List.of(ClusterStatus.SIGNATORY)));
        assertFalse(MergeRules.jointClusterIsSignatory(List.of(ClusterStatus.APPLICANT, ClusterStatus.APPLICANT)));
    }
}
