package org.tic.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tic.devinfra.ApiClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initiative's story through the three services' APIs only, on the real infrastructure: clusters apply and are
 * approved, a corridor project reaches FID, KPIs are reported and corrected, two clusters merge — and the roll-ups,
 * pipeline and per-cluster views are checked at each step, including as-of answers for earlier dates.
 */
@ExtendWith(PlatformExtension.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InitiativeStoryTest {

    private static final Supplier<String> TOKEN = PlatformExtension.secretariat();
    private static final Map<String, String> ids = new LinkedHashMap<>();

    private static ApiClient membership() {
        return PlatformExtension.client("membership-service", TOKEN);
    }

    private static ApiClient projects() {
        return PlatformExtension.client("project-service", TOKEN);
    }

    private static ApiClient kpis() {
        return PlatformExtension.client("kpi-service", TOKEN);
    }

    /** Polls a kpi-service read until it satisfies the condition (the roll-ups follow the events). */
    private static JsonNode awaitKpi(String path, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ApiClient.Reply r = kpis().get(path);
            last[0] = r.body();
            return r.status() == 200 && condition.test(r.body());
        });
        return last[0];
    }

    private static BigDecimal co2ePotential(JsonNode summary) {
        for (JsonNode t : summary.path("totals")) {
            if ("CO2E".equals(t.path("metric").asText()) && "POTENTIAL_REDUCTION".equals(t.path("co2eMetricType").asText())
                    && t.path("summable").asBoolean()) {
                return t.path("total").decimalValue();
            }
        }
        return null;
    }

    private static JsonNode co2eTotal(JsonNode summary) {
        for (JsonNode t : summary.path("totals")) {
            if ("CO2E".equals(t.path("metric").asText()) && "POTENTIAL_REDUCTION".equals(t.path("co2eMetricType").asText())) {
                return t;
            }
        }
        return null;
    }

    private static String joinByApplication(String name, String country, String approvedOn) {
        Map<String, Object> cluster = Map.of("name", name, "country", country, "worldRegion", "EUROPE", "type", "PORT",
                "sectors", List.of("hydrogen"));
        String clusterId = membership().post("/api/v1/clusters", cluster).ok().path("id").asText();
        List<String> orgs = List.of(
                membership().post("/api/v1/organizations", Map.of("name", name + " Energy Co", "kind", "COMPANY")).ok().path("id").asText(),
                membership().post("/api/v1/organizations", Map.of("name", name + " Chemicals Co", "kind", "COMPANY")).ok().path("id").asText(),
                membership().post("/api/v1/organizations", Map.of("name", name + " Regional Government", "kind", "GOVERNMENT_BODY")).ok().path("id").asText());
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("clusterId", clusterId);
        application.put("statement", Map.of("text", "Net zero by 2050 with good jobs", "signatories",
                List.of(Map.of("name", "Chair of " + name)), "signedOn", "2024-01-15"));
        application.put("declaredParties", orgs.stream().map(o -> Map.of("organizationId", o, "role", "MEMBER")).toList());
        application.put("co2ePotential", Map.of("value", 2, "unit", "MT_CO2E", "period", "per year by 2030"));
        application.put("justTransition", Map.of("jobsProtectedPlan", "Reskilling programme"));
        String app = membership().post("/api/v1/applications", application).ok().path("id").asText();
        assertTrue(membership().get("/api/v1/applications/" + app + "/eligibility").ok().path("eligible").asBoolean());
        membership().post("/api/v1/applications/" + app + "/submit", Map.of()).ok();
        membership().post("/api/v1/applications/" + app + "/review", Map.of()).ok();
        membership().post("/api/v1/applications/" + app + "/approve", Map.of("effectiveDate", approvedOn)).ok();
        assertEquals("SIGNATORY", membership().get("/api/v1/clusters/" + clusterId).ok().path("status").asText());
        return clusterId;
    }

    private static Map<String, Object> co2eReport(String clusterId, String value, String reportedOn) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("clusterId", clusterId);
        r.put("metric", "CO2E");
        r.put("co2e", Map.of("metricType", "POTENTIAL_REDUCTION", "scope", "SCOPE_1_2", "gwpSet", "AR6_GWP100",
                "baseYear", 2019, "targetYear", 2030));
        r.put("value", value);
        r.put("unit", "MT_CO2E_PER_YEAR");
        r.put("periodStart", "2024-01-01");
        r.put("periodEnd", "2030-12-31");
        r.put("reportedOn", reportedOn);
        r.put("source", Map.of("url", "https://example.org/cluster-plan.pdf"));
        r.put("reportedBy", "Cluster coordinator");
        r.put("confidence", "REPORTED");
        return r;
    }

    @Test
    @Order(1)
    void clustersApplyAndAreApproved() {
        ids.put("north", joinByApplication("North Sea Port Story", "GB", "2024-03-01"));
        ids.put("delta", joinByApplication("Delta Hydrogen Story", "NL", "2024-06-01"));

        JsonNode today = awaitKpi("/api/v1/initiative/summary", s -> s.path("signatoryClusters").asInt() == 2);
        assertEquals(2, today.path("countries").asInt());
        assertEquals(1, kpis().get("/api/v1/initiative/summary?asOf=2024-04-01").ok().path("signatoryClusters").asInt());
        assertEquals(0, kpis().get("/api/v1/initiative/summary?asOf=2024-02-01").ok().path("signatoryClusters").asInt());
    }

    @Test
    @Order(2)
    void aCorridorProjectReachesFid() {
        // project-service learns the clusters from membership events
        await().atMost(Duration.ofSeconds(60)).until(() ->
                projects().get("/api/v1/clusters/" + ids.get("delta")).status() == 200);
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", "North-Delta hydrogen corridor (story)");
        project.put("category", "HYDROGEN_AND_DERIVATIVES");
        project.put("leadClusterId", ids.get("north"));
        project.put("participatingClusterIds", List.of(ids.get("delta")));
        project.put("capacity", Map.of("value", 100, "unit", "KT_H2_PER_YEAR"));
        project.put("estimatedCo2eReduction", Map.of("value", 0.8, "unit", "MT_CO2E_PER_YEAR", "metricType", "POTENTIAL_REDUCTION"));
        String id = projects().post("/api/v1/projects", project).ok().path("id").asText();
        ids.put("project", id);
        projects().post("/api/v1/projects/" + id + "/stage-transitions", Map.of("to", "FEASIBILITY", "date", "2024-05-01")).ok();
        projects().post("/api/v1/projects/" + id + "/stage-transitions", Map.of("to", "FEED", "date", "2024-07-01")).ok();
        projects().post("/api/v1/projects/" + id + "/stage-transitions", Map.of("to", "BANKABLE", "date", "2024-09-01",
                "override", true, "overrideReason", "Lenders' term sheet signed; checklist being completed")).ok();
        projects().post("/api/v1/projects/" + id + "/stage-transitions", Map.of("to", "FID", "date", "2024-10-15",
                "note", "Final investment decision")).ok();

        JsonNode p = projects().get("/api/v1/projects/" + id).ok();
        assertEquals("FID", p.path("stage").asText());
        assertEquals("2024-10-15", p.path("fidDate").asText());
        JsonNode history = projects().get("/api/v1/projects/" + id + "/stage-history").ok();
        assertTrue(history.toString().contains("2024-10-15") && history.toString().contains("BANKABLE"), history.toString());
        assertTrue(projects().get("/api/v1/corridors?cluster=" + ids.get("north")).ok().path("items").size() >= 1);

        JsonNode pipeline = awaitKpi("/api/v1/initiative/pipeline", x -> x.path("reachedFid").asInt() == 1);
        assertEquals(1, pipeline.path("projects").asInt());
    }

    @Test
    @Order(3)
    void kpisAreReportedAndCorrectedAndAsOfAnswersKeepTheOldValues() {
        String north = kpis().post("/api/v1/kpi-reports", co2eReport(ids.get("north"), "2", "2024-04-01")).ok().path("id").asText();
        kpis().post("/api/v1/kpi-reports", co2eReport(ids.get("delta"), "3", "2024-07-01")).ok();
        kpis().post("/api/v1/kpi-reports/" + north + "/corrections", Map.of("reason", "Erratum of the cluster plan",
                "report", co2eReport(ids.get("north"), "2.5", "2024-09-01"))).ok();

        JsonNode today = awaitKpi("/api/v1/initiative/summary", s -> co2ePotential(s) != null
                && co2ePotential(s).compareTo(new BigDecimal("5.5")) == 0);
        assertEquals(2, co2eTotal(today).path("coverage").path("reporting").asInt());
        assertEquals(2, co2eTotal(today).path("coverage").path("of").asInt());
        assertEquals(0, new BigDecimal("5").compareTo(co2ePotential(kpis().get("/api/v1/initiative/summary?asOf=2024-08-01").ok())),
                "before the correction: 2 + 3");
        assertEquals(0, new BigDecimal("2").compareTo(co2ePotential(kpis().get("/api/v1/initiative/summary?asOf=2024-05-01").ok())),
                "before the second cluster reported");
        JsonNode clusterView = kpis().get("/api/v1/clusters/" + ids.get("north") + "/kpis").ok();
        assertTrue(clusterView.toString().contains("2.5"), clusterView.toString());
    }

    @Test
    @Order(4)
    void twoClustersMergeAndAreNotCountedTwice() {
        Map<String, Object> joint = Map.of("name", "North-Delta Joint Cluster (story)", "country", "GB", "worldRegion", "EUROPE",
                "type", "PORT");
        String successor = membership().post("/api/v1/clusters/merges", Map.of("predecessorIds", List.of(ids.get("north"), ids.get("delta")),
                "newCluster", joint, "effectiveDate", "2025-03-01", "reason", "One joint governance")).ok().path("successor").path("id").asText();
        ids.put("joint", successor);

        JsonNode today = awaitKpi("/api/v1/initiative/summary", s -> s.path("signatoryClusters").asInt() == 1);
        assertEquals(1, today.path("countries").asInt());
        assertEquals(0, new BigDecimal("5.5").compareTo(co2ePotential(today)), "the joint cluster carries its predecessors' values once");
        JsonNode before = kpis().get("/api/v1/initiative/summary?asOf=2025-01-01").ok();
        assertEquals(2, before.path("signatoryClusters").asInt());
        assertEquals(0, new BigDecimal("5.5").compareTo(co2ePotential(before)));

        // project-service resolves the merged lead cluster through the successor link
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "MERGED".equals(projects().get("/api/v1/clusters/" + ids.get("north")).body().path("status").asText()));
        JsonNode project = projects().get("/api/v1/projects/" + ids.get("project")).ok();
        assertTrue(project.toString().contains(successor), "the project's cluster resolves to the successor: " + project);
        // membership keeps the lineage
        assertEquals(successor, membership().get("/api/v1/clusters/" + ids.get("delta")).ok().path("successorId").asText());
    }
}
