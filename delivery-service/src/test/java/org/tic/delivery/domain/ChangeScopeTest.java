package org.tic.delivery.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeScopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID A = UUID.fromString("3f1c2a9e-5b6d-4e7f-8a9b-0c1d2e3f4a5b");
    private static final UUID B = UUID.fromString("4a4a4a4a-0000-4000-8000-000000000009");
    private static final UUID P = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private static ChangeScope scope(String baseType, String aggregateType, String subject, String json) throws Exception {
        return ChangeScope.of(baseType, aggregateType, subject, JSON.readTree(json));
    }

    @Test
    void aClusterEventConcernsItsCluster() throws Exception {
        ChangeScope s = scope("tic.membership.cluster.joined", "cluster", A.toString(),
                "{\"cluster\":{\"id\":\"" + A + "\",\"coordinatorOrganizationId\":\"" + UUID.randomUUID() + "\"}}");
        assertEquals(Set.of(A), s.clusters());
        assertEquals(Audience.PUBLIC, s.audience());
    }

    @Test
    void aMergeConcernsTheSuccessorAndEveryPredecessor() throws Exception {
        ChangeScope s = scope("tic.membership.clusters.merged", "cluster", A.toString(),
                "{\"successor\":{\"id\":\"" + A + "\"},\"predecessors\":[{\"id\":\"" + B + "\",\"successorId\":\"" + A + "\"}]}");
        assertEquals(Set.of(A, B), s.clusters());
    }

    @Test
    void aProjectConcernsItselfItsLeadAndItsParticipatingClusters() throws Exception {
        ChangeScope s = scope("tic.project.project.created", "project", P.toString(),
                "{\"project\":{\"id\":\"" + P + "\",\"leadClusterId\":\"" + A + "\",\"participatingClusterIds\":[\"" + B + "\"]}}");
        assertEquals(Set.of(A, B), s.clusters());
        assertEquals(Set.of(P), s.projects());
    }

    @Test
    void aKpiReportConcernsItsSubjectAndTheInitiativeTotalsNothing() throws Exception {
        assertEquals(Set.of(P), scope("tic.kpi.report.reported", "kpi-report", UUID.randomUUID().toString(),
                "{\"report\":{\"subjectType\":\"PROJECT\",\"projectId\":\"" + P + "\"}}").projects());
        ChangeScope totals = scope("tic.kpi.initiative.totals-changed", "initiative", "initiative", "{\"asOf\":\"2025-01-01\"}");
        assertEquals(Set.of(), totals.clusters());
        assertEquals(Audience.PUBLIC, totals.audience());
    }

    @Test
    void applicationsAreForTheirClusterAndImportsForTheirUploader() throws Exception {
        ChangeScope app = scope("tic.membership.application.submitted", "application", UUID.randomUUID().toString(),
                "{\"application\":{\"id\":\"" + UUID.randomUUID() + "\",\"clusterId\":\"" + A + "\"}}");
        assertEquals(Audience.CLUSTERS, app.audience());
        assertEquals(Set.of(A), app.audienceClusters());
        assertEquals(Audience.ACTOR, scope("tic.kpi.import.completed", "kpi-import", UUID.randomUUID().toString(),
                "{\"importId\":\"" + UUID.randomUUID() + "\"}").audience());
    }

    @Test
    void valuesThatAreNoIdsConcernNothing() throws Exception {
        assertEquals(Set.of(), scope("tic.membership.cluster.updated", "cluster", "not-an-id",
                "{\"cluster\":{\"id\":42,\"clusterId\":null}}").clusters());
    }

    @Test
    void viewersReadPublicChangesTheirClustersAndWhatTheyCaused() {
        Viewer coordinator = new Viewer(false, Set.of(A), "coord-a");
        assertEquals(true, coordinator.mayRead(Audience.CLUSTERS, Set.of(A), "x"));
        assertEquals(false, coordinator.mayRead(Audience.CLUSTERS, Set.of(B), "x"));
        assertEquals(true, coordinator.mayRead(Audience.ACTOR, Set.of(), "coord-a"));
        assertEquals(false, Viewer.ANONYMOUS.mayRead(Audience.ACTOR, Set.of(), null));
        assertEquals(true, Viewer.ANONYMOUS.mayRead(Audience.PUBLIC, Set.of(), null));
        assertEquals(true, new Viewer(true, Set.of(), "s").mayRead(Audience.CLUSTERS, Set.of(B), null));
    }
}
