package org.tic.e2e;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.client.kpi.api.ClusterKpisApi;
import org.tic.client.kpi.api.InitiativeRollUpsApi;
import org.tic.client.kpi.api.KpiReportsApi;
import org.tic.client.kpi.model.Co2eFields;
import org.tic.client.kpi.model.Co2eScope;
import org.tic.client.kpi.model.Confidence;
import org.tic.client.kpi.model.GwpSet;
import org.tic.client.kpi.model.InitiativeSummary;
import org.tic.client.kpi.model.KpiCorrectionRequest;
import org.tic.client.kpi.model.KpiReportRequest;
import org.tic.client.kpi.model.KpiUnit;
import org.tic.client.kpi.model.Metric;
import org.tic.client.kpi.model.Pipeline;
import org.tic.client.kpi.model.Total;
import org.tic.client.membership.api.ApplicationsApi;
import org.tic.client.membership.api.ClustersApi;
import org.tic.client.membership.api.MergesApi;
import org.tic.client.membership.api.OrganizationsApi;
import org.tic.client.membership.model.ApplicationRequest;
import org.tic.client.membership.model.ClusterRequest;
import org.tic.client.membership.model.ClusterStatus;
import org.tic.client.membership.model.ClusterType;
import org.tic.client.membership.model.Co2ePotential;
import org.tic.client.membership.model.DecisionRequest;
import org.tic.client.membership.model.DeclaredParty;
import org.tic.client.membership.model.JustTransitionEvidence;
import org.tic.client.membership.model.MergeRequest;
import org.tic.client.membership.model.OrganizationKind;
import org.tic.client.membership.model.OrganizationRequest;
import org.tic.client.membership.model.PartyRole;
import org.tic.client.membership.model.Signatory;
import org.tic.client.membership.model.StatementOfAmbition;
import org.tic.client.membership.model.Unit;
import org.tic.client.membership.model.WorldRegion;
import org.tic.client.project.api.ClustersReadModelApi;
import org.tic.client.project.api.CorridorsApi;
import org.tic.client.project.api.ProjectsApi;
import org.tic.client.project.api.StagesApi;
import org.tic.client.project.model.Capacity;
import org.tic.client.project.model.CapacityUnit;
import org.tic.client.project.model.Co2eEstimate;
import org.tic.client.project.model.Co2eUnit;
import org.tic.client.project.model.Project;
import org.tic.client.project.model.ProjectCategory;
import org.tic.client.project.model.ProjectRequest;
import org.tic.client.project.model.Stage;
import org.tic.client.project.model.StageTransition;
import org.tic.client.project.model.StageTransitionRequest;
import org.tic.devinfra.client.GeneratedClients;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initiative's story through the three services' APIs only (the clients generated from their contracts), on the
 * real infrastructure: clusters apply and are approved, a corridor project reaches FID, KPIs are reported and
 * corrected, two clusters merge — and the roll-ups, pipeline and per-cluster views are checked at each step,
 * including as-of answers for earlier dates.
 */
@ExtendWith(PlatformExtension.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InitiativeStoryTest {

    private static final Supplier<String> TOKEN = PlatformExtension.secretariat();
    private static final Map<String, UUID> ids = new LinkedHashMap<>();

    private static final org.tic.client.membership.ApiClient MEMBERSHIP = GeneratedClients.membership(url("membership-service"), TOKEN);
    private static final org.tic.client.project.ApiClient PROJECT = GeneratedClients.project(url("project-service"), TOKEN);
    private static final org.tic.client.kpi.ApiClient KPI = GeneratedClients.kpi(url("kpi-service"), TOKEN);

    private static final ClustersApi clusters = new ClustersApi(MEMBERSHIP);
    private static final OrganizationsApi organizations = new OrganizationsApi(MEMBERSHIP);
    private static final ApplicationsApi applications = new ApplicationsApi(MEMBERSHIP);
    private static final ProjectsApi projects = new ProjectsApi(PROJECT);
    private static final StagesApi stages = new StagesApi(PROJECT);
    private static final ClustersReadModelApi projectClusters = new ClustersReadModelApi(PROJECT);
    private static final InitiativeRollUpsApi rollUps = new InitiativeRollUpsApi(KPI);
    private static final KpiReportsApi reports = new KpiReportsApi(KPI);

    private static String url(String service) {
        return PlatformExtension.platform().service(service).baseUrl();
    }

    /** Polls a kpi-service read until it satisfies the condition (the roll-ups follow the events). */
    private static <T> T awaitKpi(Callable<T> read, Predicate<T> condition) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(read, condition::test);
    }

    private static InitiativeSummary summary(String asOf) throws org.tic.client.kpi.ApiException {
        return rollUps.getInitiativeSummary(asOf == null ? null : LocalDate.parse(asOf), null, null);
    }

    private static BigDecimal co2ePotential(InitiativeSummary summary) {
        Total t = co2eTotal(summary);
        return t != null && Boolean.TRUE.equals(t.getSummable()) ? t.getTotal() : null;
    }

    private static Total co2eTotal(InitiativeSummary summary) {
        for (Total t : summary.getTotals()) {
            if (t.getMetric() == Metric.CO2_E && t.getCo2eMetricType() == org.tic.client.kpi.model.Co2eMetricType.POTENTIAL_REDUCTION) {
                return t;
            }
        }
        return null;
    }

    /** project-service learns a cluster from membership events: 404 until then. */
    private static boolean notYetKnown(Throwable e) {
        return e instanceof org.tic.client.project.ApiException a && a.getCode() == 404;
    }

    private static UUID joinByApplication(String name, String country, String approvedOn) throws Exception {
        UUID clusterId = clusters.registerCluster(new ClusterRequest().name(name).country(country)
                .worldRegion(WorldRegion.EUROPE).type(ClusterType.PORT).sectors(List.of("hydrogen"))).getId();
        List<UUID> orgs = List.of(
                organizations.createOrganization(new OrganizationRequest().name(name + " Energy Co").kind(OrganizationKind.COMPANY)).getId(),
                organizations.createOrganization(new OrganizationRequest().name(name + " Chemicals Co").kind(OrganizationKind.COMPANY)).getId(),
                organizations.createOrganization(new OrganizationRequest().name(name + " Regional Government")
                        .kind(OrganizationKind.GOVERNMENT_BODY)).getId());
        ApplicationRequest application = new ApplicationRequest().clusterId(clusterId)
                .statement(new StatementOfAmbition().text("Net zero by 2050 with good jobs")
                        .signatories(List.of(new Signatory().name("Chair of " + name))).signedOn(LocalDate.parse("2024-01-15")))
                .declaredParties(orgs.stream().map(o -> new DeclaredParty().organizationId(o).role(PartyRole.MEMBER)).toList())
                .co2ePotential(new Co2ePotential().value(new BigDecimal("2")).unit(Unit.MT_CO2_E).period("per year by 2030"))
                .justTransition(new JustTransitionEvidence().jobsProtectedPlan("Reskilling programme"));
        UUID app = applications.draftApplication(application).getId();
        assertEquals(Boolean.TRUE, applications.getApplicationEligibility(app).getEligible());
        applications.submitApplication(app, null);
        applications.startApplicationReview(app, null);
        applications.approveApplication(app, new DecisionRequest().effectiveDate(LocalDate.parse(approvedOn)), null);
        assertEquals(ClusterStatus.SIGNATORY, clusters.getCluster(clusterId.toString()).getStatus());
        return clusterId;
    }

    private static KpiReportRequest co2eReport(UUID clusterId, String value, String reportedOn) {
        return new KpiReportRequest().clusterId(clusterId).metric(Metric.CO2_E)
                .co2e(new Co2eFields().metricType(org.tic.client.kpi.model.Co2eMetricType.POTENTIAL_REDUCTION)
                        .scope(Co2eScope.SCOPE_1_2).gwpSet(GwpSet.AR6_GWP100).baseYear(2019).targetYear(2030))
                .value(new BigDecimal(value)).unit(KpiUnit.MT_CO2_E_PER_YEAR)
                .periodStart(LocalDate.parse("2024-01-01")).periodEnd(LocalDate.parse("2030-12-31"))
                .reportedOn(LocalDate.parse(reportedOn))
                .source(new org.tic.client.kpi.model.Source().url("https://example.org/cluster-plan.pdf"))
                .reportedBy("Cluster coordinator").confidence(Confidence.REPORTED);
    }

    private static StageTransitionRequest move(Stage to, String date) {
        return new StageTransitionRequest().to(to).date(LocalDate.parse(date));
    }

    @Test
    @Order(1)
    void clustersApplyAndAreApproved() throws Exception {
        ids.put("north", joinByApplication("North Sea Port Story", "GB", "2024-03-01"));
        ids.put("delta", joinByApplication("Delta Hydrogen Story", "NL", "2024-06-01"));

        InitiativeSummary today = awaitKpi(() -> summary(null), s -> s.getSignatoryClusters() == 2);
        assertEquals(2, today.getCountries());
        assertEquals(1, summary("2024-04-01").getSignatoryClusters());
        assertEquals(0, summary("2024-02-01").getSignatoryClusters());
    }

    @Test
    @Order(2)
    void aCorridorProjectReachesFid() throws Exception {
        // project-service learns the clusters from membership events
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsMatching(InitiativeStoryTest::notYetKnown)
                .until(() -> projectClusters.getCluster(ids.get("delta")) != null);
        ProjectRequest project = new ProjectRequest().name("North-Delta hydrogen corridor (story)")
                .category(ProjectCategory.HYDROGEN_AND_DERIVATIVES).leadClusterId(ids.get("north"))
                .participatingClusterIds(List.of(ids.get("delta")))
                .capacity(new Capacity().value(new BigDecimal("100")).unit(CapacityUnit.KT_H2_PER_YEAR))
                .estimatedCo2eReduction(new Co2eEstimate().value(new BigDecimal("0.8")).unit(Co2eUnit.MT_CO2_E_PER_YEAR)
                        .metricType(org.tic.client.project.model.Co2eMetricType.POTENTIAL_REDUCTION));
        UUID id = projects.createProject(project).getId();
        ids.put("project", id);
        stages.createStageTransition(id, move(Stage.FEASIBILITY, "2024-05-01"), null);
        stages.createStageTransition(id, move(Stage.FEED, "2024-07-01"), null);
        stages.createStageTransition(id, move(Stage.BANKABLE, "2024-09-01").override(true)
                .overrideReason("Lenders' term sheet signed; checklist being completed"), null);
        stages.createStageTransition(id, move(Stage.FID, "2024-10-15").note("Final investment decision"), null);

        Project p = projects.getProject(id);
        assertEquals(Stage.FID, p.getStage());
        assertEquals(LocalDate.parse("2024-10-15"), p.getFidDate());
        List<StageTransition> history = stages.listStageHistory(id, null, null, null).getItems();
        assertTrue(history.stream().anyMatch(t -> t.getTo() == Stage.BANKABLE)
                && history.stream().anyMatch(t -> t.getTo() == Stage.FID && LocalDate.parse("2024-10-15").equals(t.getDate())),
                history.toString());
        assertTrue(new CorridorsApi(PROJECT).listCorridors(null, ids.get("north"), null, null, null, null, null, null)
                .getItems().size() >= 1);

        Pipeline pipeline = awaitKpi(() -> rollUps.getProjectPipeline(null), x -> x.getReachedFid() == 1);
        assertEquals(1, pipeline.getProjects());
    }

    @Test
    @Order(3)
    void kpisAreReportedAndCorrectedAndAsOfAnswersKeepTheOldValues() throws Exception {
        UUID north = reports.createKpiReport(co2eReport(ids.get("north"), "2", "2024-04-01")).getId();
        reports.createKpiReport(co2eReport(ids.get("delta"), "3", "2024-07-01"));
        reports.correctKpiReport(north, new KpiCorrectionRequest().reason("Erratum of the cluster plan")
                .report(co2eReport(ids.get("north"), "2.5", "2024-09-01")), null);

        InitiativeSummary today = awaitKpi(() -> summary(null), s -> co2ePotential(s) != null
                && co2ePotential(s).compareTo(new BigDecimal("5.5")) == 0);
        assertEquals(2, co2eTotal(today).getCoverage().getReporting());
        assertEquals(2, co2eTotal(today).getCoverage().getOf());
        assertEquals(0, new BigDecimal("5").compareTo(co2ePotential(summary("2024-08-01"))), "before the correction: 2 + 3");
        assertEquals(0, new BigDecimal("2").compareTo(co2ePotential(summary("2024-05-01"))), "before the second cluster reported");
        var clusterView = new ClusterKpisApi(KPI).getClusterKpis(ids.get("north"), null, null);
        assertTrue(clusterView.getFigures().stream().anyMatch(f -> f.getValue() != null
                && f.getValue().compareTo(new BigDecimal("2.5")) == 0), "the corrected value: " + clusterView);
    }

    @Test
    @Order(4)
    void twoClustersMergeAndAreNotCountedTwice() throws Exception {
        ClusterRequest joint = new ClusterRequest().name("North-Delta Joint Cluster (story)").country("GB")
                .worldRegion(WorldRegion.EUROPE).type(ClusterType.PORT);
        UUID successor = new MergesApi(MEMBERSHIP).mergeClusters(new MergeRequest()
                .predecessorIds(List.of(ids.get("north"), ids.get("delta"))).newCluster(joint)
                .effectiveDate(LocalDate.parse("2025-03-01")).reason("One joint governance")).getSuccessor().getId();
        ids.put("joint", successor);

        InitiativeSummary today = awaitKpi(() -> summary(null), s -> s.getSignatoryClusters() == 1);
        assertEquals(1, today.getCountries());
        assertEquals(0, new BigDecimal("5.5").compareTo(co2ePotential(today)), "the joint cluster carries its predecessors' values once");
        InitiativeSummary before = summary("2025-01-01");
        assertEquals(2, before.getSignatoryClusters());
        assertEquals(0, new BigDecimal("5.5").compareTo(co2ePotential(before)));

        // project-service resolves the merged lead cluster through the successor link
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "MERGED".equals(projectClusters.getCluster(ids.get("north")).getStatus()));
        Project project = projects.getProject(ids.get("project"));
        assertEquals(successor, project.getLeadCluster().getCurrentClusterId(),
                "the project's cluster resolves to the successor: " + project);
        // membership keeps the lineage
        assertEquals(successor, clusters.getCluster(ids.get("delta").toString()).getSuccessorId());
    }
}
