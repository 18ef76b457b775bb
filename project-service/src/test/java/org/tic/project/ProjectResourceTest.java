package org.tic.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.project.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tic.project.Fixtures.create;
import static org.tic.project.Fixtures.post;
import static org.tic.project.Fixtures.project;
import static org.tic.project.Fixtures.put;

/** /api/v1/projects and /api/v1/corridors on the real PostgreSQL, with clusters known from the real broker. */
@QuarkusTest
class ProjectResourceTest {

    @Inject
    ReadModelSupport readModel;

    private static UUID gb;
    private static UUID gb2;
    private static UUID es;
    private static UUID nl;
    private static UUID applicant;
    private static UUID eni;

    @BeforeEach
    void clusters() {
        if (gb == null) {
            gb = readModel.cluster("pr-gb-" + UUID.randomUUID(), "Test Cluster GB", "GB", "SIGNATORY");
            gb2 = readModel.cluster("pr-gb2-" + UUID.randomUUID(), "Second GB Cluster", "GB", "SIGNATORY");
            es = readModel.cluster("pr-es-" + UUID.randomUUID(), "Test Valley ES", "ES", "SIGNATORY");
            nl = readModel.cluster("pr-nl-" + UUID.randomUUID(), "Test Port NL", "NL", "SIGNATORY");
            applicant = readModel.cluster("pr-applicant-" + UUID.randomUUID(), "Applicant Cluster", "FR", "APPLICANT");
            eni = readModel.organizationKnown("Eni UK Ltd");
        }
    }

    private static Map<String, Object> fullProject(String name) {
        Map<String, Object> body = project(name, gb);
        body.put("description", "CO2 transport and storage backbone");
        body.put("capacity", Map.of("value", 4.5, "unit", "MT_CO2_PER_YEAR", "basis", "initial phase"));
        body.put("estimatedCo2eReduction", Map.of("value", 4.5, "unit", "MT_CO2E_PER_YEAR", "metricType", "POTENTIAL_REDUCTION"));
        body.put("capex", Map.of("amount", 2000000000, "currency", "GBP", "priceYear", 2025));
        body.put("funding", Map.of("securedAmount", 1000, "currency", "GBP",
                "sources", List.of(Map.of("type", "REGULATED_ASSET_BASE", "provider", "DESNZ"))));
        body.put("businessModel", "Regulated asset base");
        body.put("partners", List.of(Map.of("organizationId", eni.toString(), "role", "OPERATOR"),
                Map.of("name", "A local council", "role", "PUBLIC_FUNDER", "note", "planning")));
        body.put("externalRefs", List.of(Map.of("source", "IEA_CCUS", "id", "X-1")));
        body.put("sources", List.of(Map.of("title", "Press release", "url", "https://example.org/press")));
        return body;
    }

    @Test
    void createsAndReadsAProjectWithItsETag() {
        String name = "Full project " + UUID.randomUUID();
        var created = post("/api/v1/projects", fullProject(name)).statusCode(201)
                .header("Location", containsString("/api/v1/projects/"))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo(name))
                .body("category", equalTo("CO2_TRANSPORT_STORAGE"))
                .body("leadCluster.name", equalTo("Test Cluster GB"))
                .body("leadCluster.currentClusterId", equalTo(gb.toString()))
                .body("countries", contains("GB"))
                .body("corridor", equalTo(false))
                .body("stage", equalTo("CONCEPT"))
                .body("stageTerms.iea", equalTo("Concept"))
                .body("stageTerms.gccsi", equalTo("Identify"))
                .body("nextStages", hasItem("FEASIBILITY"))
                .body("capacity.value", equalTo(4.5f))
                .body("capacity.unit", equalTo("MT_CO2_PER_YEAR"))
                .body("estimatedCo2eReduction.metricType", equalTo("POTENTIAL_REDUCTION"))
                .body("capex.currency", equalTo("GBP"))
                .body("funding.sources[0].type", equalTo("REGULATED_ASSET_BASE"))
                .body("partners[0].name", equalTo("Eni UK Ltd"))
                .body("partners[0].organizationId", equalTo(eni.toString()))
                .body("partners[1].name", equalTo("A local council"))
                .body("externalRefs[0].source", equalTo("IEA_CCUS"))
                .body("sources[0].url", equalTo("https://example.org/press"))
                .body("readiness.level", equalTo("NOT_STARTED"))
                .body("readiness.complete", equalTo(false))
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        assertEquals(created.header("Location"), created.header("Location").replaceAll("/$", ""));

        given().get("/api/v1/projects/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("name", equalTo(name)).body("capacity.value", equalTo(4.5f));
        given().header("If-None-Match", "\"0\"").get("/api/v1/projects/" + id).then().statusCode(304);
        // A read with an If-Match naming another version is refused like any other problem (found by the hostile suite).
        given().header("If-Match", "garbage").get("/api/v1/projects/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("status", equalTo(412));
        given().header("If-Match", "\"0\"").get("/api/v1/projects/" + id).then().statusCode(200);
        given().get("/api/v1/projects/" + id + "/stage-history").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].from", nullValue())
                .body("items[0].to", equalTo("CONCEPT"));
    }

    @Test
    void invalidInputIsA400WithFieldPaths() {
        Map<String, Object> body = new LinkedHashMap<>(fullProject(" "));
        body.remove("category");
        body.put("capacity", Map.of("value", -1, "unit", "MT_CO2_PER_YEAR"));
        body.put("capex", Map.of("amount", 1, "currency", "euro"));
        body.put("sources", List.of(Map.of("url", "ftp://nope")));
        post("/api/v1/projects", body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:validation-failed"))
                .body("violations.field", containsInAnyOrder("name", "category", "capacity.value", "capex.currency", "sources[0].url"));

        Map<String, Object> partnerWithoutName = project("No partner name " + UUID.randomUUID(), gb);
        partnerWithoutName.put("partners", List.of(Map.of("role", "DEVELOPER")));
        partnerWithoutName.put("participatingClusterIds", List.of(gb.toString()));
        post("/api/v1/projects", partnerWithoutName).statusCode(400)
                .body("violations.field", containsInAnyOrder("partners[0].name", "participatingClusterIds"));

        Map<String, Object> unknownField = project("Unknown field", gb);
        unknownField.put("colour", "green");
        post("/api/v1/projects", unknownField).statusCode(400).body("detail", containsString("colour"));
        Map<String, Object> badEnum = project("Bad enum", gb);
        badEnum.put("category", "NUCLEAR_FUSION");
        post("/api/v1/projects", badEnum).statusCode(400).body("violations[0].field", equalTo("category"));
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/projects").then().statusCode(400)
                .body("type", equalTo("urn:tic:problem:malformed-request-body"));
        given().contentType(ContentType.TEXT).body("hello").post("/api/v1/projects").then().statusCode(415);
    }

    @Test
    void unknownClustersAndANonSignatoryLeadAreRefusedNamingTheCluster() {
        UUID unknown = UUID.randomUUID();
        post("/api/v1/projects", project("Unknown lead", unknown)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:unknown-cluster"))
                .body("field", equalTo("leadClusterId"))
                .body("clusterIds", contains(unknown.toString()))
                .body("detail", containsString(unknown.toString()));
        post("/api/v1/projects", project("Unknown participant", gb, unknown)).statusCode(422)
                .body("type", equalTo("urn:tic:problem:unknown-cluster"))
                .body("field", equalTo("participatingClusterIds"));
        post("/api/v1/projects", project("Applicant lead", applicant)).statusCode(422)
                .body("type", equalTo("urn:tic:problem:lead-cluster-not-signatory"))
                .body("clusterId", equalTo(applicant.toString()))
                .body("clusterName", equalTo("Applicant Cluster"))
                .body("clusterStatus", equalTo("APPLICANT"))
                .body("detail", containsString("Applicant Cluster"));
        // an applicant may take part, just not lead
        create(project("Applicant participates " + UUID.randomUUID(), gb, applicant));

        Map<String, Object> unknownOrg = project("Unknown org " + UUID.randomUUID(), gb);
        unknownOrg.put("partners", List.of(Map.of("organizationId", UUID.randomUUID().toString(), "role", "OFFTAKER")));
        post("/api/v1/projects", unknownOrg).statusCode(422).body("type", equalTo("urn:tic:problem:unknown-organization"));
    }

    @Test
    void aLeadClusterKeepsItsProjectNamesUnique() {
        String name = "Unique name " + UUID.randomUUID();
        create(project(name, gb));
        post("/api/v1/projects", project(name.toUpperCase(), gb)).statusCode(409)
                .body("type", equalTo("urn:tic:problem:conflict"));
        create(project(name, gb2)); // another lead may use the name
    }

    @Test
    void replaceChecksIfMatchAndKeepsStagesToTheirResource() {
        String id = create(project("Replace me " + UUID.randomUUID(), gb));
        Map<String, Object> body = fullProject("Replaced " + UUID.randomUUID());

        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body)
                .put("/api/v1/projects/" + id).then().statusCode(412)
                .body("type", equalTo("urn:tic:problem:precondition-failed"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/projects/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("name", equalTo(body.get("name"))).body("version", equalTo(1))
                .body("partners[0].name", equalTo("Eni UK Ltd"));
        // without If-Match the database version still guards; the write goes through
        put("/api/v1/projects/" + id, body).statusCode(200).body("version", equalTo(2));

        Map<String, Object> withStage = new LinkedHashMap<>(body);
        withStage.put("stage", "FID");
        put("/api/v1/projects/" + id, withStage).statusCode(400).body("violations[0].field", equalTo("stage"));
        Map<String, Object> withMilestones = new LinkedHashMap<>(body);
        withMilestones.put("milestones", List.of(Map.of("type", "FID", "plannedDate", "2030-01-01")));
        put("/api/v1/projects/" + id, withMilestones).statusCode(400).body("violations[0].field", equalTo("milestones"));

        // changing the lead checks the new one; leaving it alone does not re-check it
        Map<String, Object> toApplicant = new LinkedHashMap<>(body);
        toApplicant.put("leadClusterId", applicant.toString());
        put("/api/v1/projects/" + id, toApplicant).statusCode(422).body("type", equalTo("urn:tic:problem:lead-cluster-not-signatory"));

        UUID missing = UUID.randomUUID();
        given().get("/api/v1/projects/" + missing).then().statusCode(404).body("type", equalTo("urn:tic:problem:not-found"));
        put("/api/v1/projects/" + missing, body).statusCode(404);
        given().get("/api/v1/projects/not-a-uuid").then().statusCode(400);
    }

    @Test
    void listsWithFiltersSortingAndPages() {
        String tag = "Lst" + UUID.randomUUID().toString().substring(0, 8);
        String a = create(withCategory(project(tag + " Alpha", gb), "CO2_CAPTURE"));
        String b = create(withCategory(project(tag + " Bravo", es, nl), "HYDROGEN_AND_DERIVATIVES"));
        String c = create(withCategory(project(tag + " Charlie", gb2, gb), "HYDROGEN_AND_DERIVATIVES"));
        Map<String, Object> atFid = withCategory(project(tag + " Delta", nl), "SHARED_INFRASTRUCTURE");
        atFid.put("stage", "FID");
        atFid.put("stageDate", "2024-06-30");
        String d = create(atFid);

        names("q=" + tag + "&sort=name").body("items.name", contains(tag + " Alpha", tag + " Bravo", tag + " Charlie", tag + " Delta"))
                .body("totalItems", equalTo(4));
        names("q=" + tag + "&sort=-name").body("items.name", contains(tag + " Delta", tag + " Charlie", tag + " Bravo", tag + " Alpha"));
        names("q=" + tag + "&sort=name&size=3&page=1").body("items.name", contains(tag + " Delta"))
                .body("totalItems", equalTo(4)).body("totalPages", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(3));
        names("q=" + tag + "&cluster=" + gb + "&sort=name").body("items.id", contains(a, c));
        names("q=" + tag + "&country=NL&sort=name").body("items.id", contains(b, d));
        names("q=" + tag + "&category=HYDROGEN_AND_DERIVATIVES&sort=name").body("items.id", contains(b, c));
        names("q=" + tag + "&stage=FID").body("items.id", contains(d));
        names("q=" + tag + "&fidYear=2024").body("items.id", contains(d));
        names("q=" + tag + "&fidYear=2025").body("items", empty());
        names("q=" + tag + "&corridor=true").body("items.id", contains(b));
        names("q=" + tag + "&corridor=false&sort=-stage,name").body("items.id", contains(d, a, c));

        given().get("/api/v1/projects?sort=colour").then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().get("/api/v1/projects?size=500").then().statusCode(400);
        given().get("/api/v1/projects?country=Spain").then().statusCode(400).body("violations[0].field", equalTo("country"));
        given().get("/api/v1/projects?stage=SOMEDAY").then().statusCode(400);
        given().get("/api/v1/projects?fidYear=12").then().statusCode(400);
    }

    @Test
    void corridorsRunFromOriginToDestination() {
        String name = "Corridor " + UUID.randomUUID();
        Map<String, Object> body = project(name, es, nl);
        body.put("category", "HYDROGEN_AND_DERIVATIVES");
        String id = post("/api/v1/projects", body).statusCode(201)
                .body("corridor", equalTo(true))
                .body("countries", contains("ES", "NL"))
                .body("originClusterId", equalTo(es.toString()))
                .body("destinationClusterId", equalTo(nl.toString()))
                .extract().path("id");
        create(project("Not a corridor " + UUID.randomUUID(), gb, gb2)); // two clusters, one country

        given().get("/api/v1/corridors?cluster=" + nl + "&size=200").then().statusCode(200)
                .body("items.projectId", hasItem(id))
                .body("items.find { it.projectId == '" + id + "' }.origin.name", equalTo("Test Valley ES"))
                .body("items.find { it.projectId == '" + id + "' }.destination.name", equalTo("Test Port NL"))
                .body("items.find { it.projectId == '" + id + "' }.countries", contains("ES", "NL"));
        given().get("/api/v1/corridors?size=200").then().statusCode(200)
                .body("items.name", not(hasItem(containsString("Not a corridor"))));

        Map<String, Object> reversed = project("Reverse " + UUID.randomUUID(), es, nl);
        reversed.put("originClusterId", nl.toString());
        reversed.put("destinationClusterId", es.toString());
        post("/api/v1/projects", reversed).statusCode(201).body("originClusterId", equalTo(nl.toString()));
        Map<String, Object> foreignEnd = project("Foreign end " + UUID.randomUUID(), es, nl);
        foreignEnd.put("destinationClusterId", gb.toString());
        post("/api/v1/projects", foreignEnd).statusCode(422).body("type", equalTo("urn:tic:problem:corridor-end-not-in-project"));
    }

    @Test
    void aCorridorCarriesItsCommodityAndTransportModeAndOnlyACorridorDoes() {
        Map<String, Object> body = project("Ammonia corridor " + UUID.randomUUID(), es, nl);
        body.put("category", "LOW_CARBON_FUELS");
        body.put("corridorCommodity", "AMMONIA");
        body.put("corridorTransportMode", "SHIP");
        String id = post("/api/v1/projects", body).statusCode(201)
                .body("corridorCommodity", equalTo("AMMONIA"))
                .body("corridorTransportMode", equalTo("SHIP"))
                .body("categoryTerms.iea", equalTo("Low-emission fuels"))
                .extract().path("id");
        given().get("/api/v1/corridors?cluster=" + nl + "&size=200").then().statusCode(200)
                .body("items.find { it.projectId == '" + id + "' }.commodity", equalTo("AMMONIA"))
                .body("items.find { it.projectId == '" + id + "' }.transportMode", equalTo("SHIP"));

        Map<String, Object> local = project("Local pipeline " + UUID.randomUUID(), gb, gb2);
        local.put("corridorCommodity", "CO2");
        post("/api/v1/projects", local).statusCode(422).body("type", equalTo("urn:tic:problem:not-a-corridor"));
        given().get("/api/v1/projects?q=Local%20pipeline&size=200").then().statusCode(200)
                .body("items.name", not(hasItem(local.get("name"))));
        Map<String, Object> badMode = project("Bad mode " + UUID.randomUUID(), es, nl);
        badMode.put("corridorTransportMode", "TELEPORT");
        post("/api/v1/projects", badMode).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theCategoriesAreListedWithTheirTrackerVocabularies() {
        given().get("/api/v1/project-categories").then().statusCode(200)
                .body("size()", equalTo(16))
                .body("category", hasItem("BIOENERGY_BIOMETHANE"))
                .body("find { it.category == 'NUCLEAR' }.terms.gem", equalTo("Global Nuclear Power Tracker"))
                .body("find { it.category == 'ENERGY_STORAGE' }.label", equalTo("Energy storage"))
                .body("find { it.category == 'OTHER' }.terms.iea", equalTo(null));
    }

    @Test
    void referencesToAMergedClusterAreKeptAndResolvedThroughItsSuccessor() {
        UUID predecessor = readModel.cluster("pr-merge-" + UUID.randomUUID(), "Cartagena A", "CO", "SIGNATORY");
        String id = create(project("Merge resolution " + UUID.randomUUID(), predecessor));

        UUID successor = UUID.randomUUID();
        ObjectNode old = MembershipEvents.cluster(predecessor, "pr-merge-old", "Cartagena A", "CO", "MERGED", 2);
        old.put("successorId", successor.toString());
        ObjectNode data = MembershipEvents.JSON.createObjectNode();
        data.put("mergeId", UUID.randomUUID().toString());
        data.set("successor", MembershipEvents.cluster(successor, "pr-merge-joint-" + successor, "Cartagena Joint", "CO", "SIGNATORY", 1));
        data.putArray("predecessors").add(old);
        data.put("effectiveDate", "2025-10-30");
        data.put("reason", "merged");
        readModel.awaitProcessed(MembershipEvents.publish("tic.membership.clusters.merged.v1", successor, data));

        given().get("/api/v1/projects/" + id).then().statusCode(200)
                .body("leadClusterId", equalTo(predecessor.toString()))
                .body("leadCluster.status", equalTo("MERGED"))
                .body("leadCluster.successorId", equalTo(successor.toString()))
                .body("leadCluster.currentClusterId", equalTo(successor.toString()));
        given().get("/api/v1/projects?cluster=" + successor).then().statusCode(200).body("items.id", contains(id));

        // a new project cannot be led by the merged cluster; the problem points to the successor
        post("/api/v1/projects", project("Led by merged " + UUID.randomUUID(), predecessor)).statusCode(422)
                .body("type", equalTo("urn:tic:problem:lead-cluster-not-signatory"))
                .body("successorId", equalTo(successor.toString()))
                .body("detail", containsString("Cartagena Joint"));
        post("/api/v1/projects", project("With merged participant " + UUID.randomUUID(), gb, predecessor)).statusCode(422)
                .body("type", equalTo("urn:tic:problem:cluster-merged"));
        // the project itself can still be edited: its existing references stay valid
        put("/api/v1/projects/" + id, project("Merge resolution renamed " + UUID.randomUUID(), predecessor)).statusCode(200);
    }

    @Test
    void theReadModelIsBrowsable() {
        given().get("/api/v1/clusters?status=SIGNATORY&country=NL&size=200").then().statusCode(200)
                .body("items.id", hasItem(nl.toString()));
        given().get("/api/v1/clusters/" + gb).then().statusCode(200).body("name", equalTo("Test Cluster GB"))
                .body("syncedAt", notNullValue());
        given().get("/api/v1/clusters/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/stages").then().statusCode(200)
                .body("stage", contains("CONCEPT", "FEASIBILITY", "FEED", "BANKABLE", "FID", "UNDER_CONSTRUCTION",
                        "OPERATIONAL", "ON_HOLD", "CANCELLED", "DECOMMISSIONED"))
                .body("find { it.stage == 'FID' }.terms.iea", equalTo("FID / under construction"))
                .body("find { it.stage == 'FID' }.terms.gem", equalTo("Pre-construction"))
                .body("find { it.stage == 'FID' }.terms.mpp", equalTo("FID / secured funding"))
                .body("find { it.stage == 'DECOMMISSIONED' }.terms.gccsi", equalTo("Closure"))
                .body("find { it.stage == 'CANCELLED' }.nextStages", empty())
                .body("find { it.stage == 'BANKABLE' }.description", endsWith("(TIC-specific step before FID)"));
    }

    @Test
    void exportsCsvWithTheTrackersVocabularies() {
        String tag = "Exp" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = project(tag + " =SUM(A1), \"quoted\"", es, nl);
        body.put("stage", "FID");
        body.put("stageDate", "2025-04-24");
        body.put("capacity", Map.of("value", 2, "unit", "GW", "basis", "electrolysis"));
        create(body);
        create(project(tag + " plain", gb));

        String csv = given().get("/api/v1/projects/export.csv?q=" + tag + "&sort=name").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("projects.csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv);
        assertEquals("id,name,category,lead_cluster_id,lead_cluster_slug,lead_cluster_name,lead_cluster_current_id,"
                + "participating_cluster_slugs,countries,corridor,stage,stage_date,fid_date,iea_status,gccsi_stage,gem_status,"
                + "mpp_status,capacity_value,capacity_unit,capacity_basis,co2e_value,co2e_unit,co2e_metric_type,capex_amount,"
                + "capex_currency,capex_price_year,business_model,partners,sources,version,updated_at", lines[0]);
        // a name is never a formula, and quotes/commas survive
        org.hamcrest.MatcherAssert.assertThat(lines[1], containsString(",\"" + tag + " =SUM(A1), \"\"quoted\"\"\",CO2_TRANSPORT_STORAGE,"));
        org.hamcrest.MatcherAssert.assertThat(lines[1], containsString(",ES;NL,true,FID,2025-04-24,2025-04-24,FID / under construction,FID,Pre-construction,FID / secured funding,2,GW,electrolysis,"));
        org.hamcrest.MatcherAssert.assertThat(lines[2], containsString(tag + " plain,CO2_TRANSPORT_STORAGE,"));
        org.hamcrest.MatcherAssert.assertThat(lines[2], containsString(",CONCEPT,,,Concept,Identify,Announced,Announced,"));
        given().get("/api/v1/projects/export.csv?sort=nope").then().statusCode(400);
    }

    private static Map<String, Object> withCategory(Map<String, Object> body, String category) {
        body.put("category", category);
        return body;
    }

    private static io.restassured.response.ValidatableResponse names(String query) {
        return given().get("/api/v1/projects?" + query).then().statusCode(200);
    }

    @Test
    void aProjectAndItsReadinessItemsKeepTheirRevisions() {
        String name = "History " + UUID.randomUUID();
        String id = create(project(name, gb));
        Map<String, Object> renamed = project(name + " phase 1", gb);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").header("X-Change-Reason", "Phase 1 split off")
                .body(renamed).put("/api/v1/projects/" + id).then().statusCode(200);
        put("/api/v1/projects/" + id + "/readiness/FEED_COMPLETE", Map.of("status", "IN_PROGRESS")).statusCode(200);
        put("/api/v1/projects/" + id + "/readiness/FEED_COMPLETE",
                Map.of("status", "COMPLETE", "evidence", List.of(Fixtures.evidence("FEED report")))).statusCode(200);

        given().get("/api/v1/projects/" + id + "/history").then().statusCode(200)
                .body("recordType", equalTo("project"))
                .body("revisions.change", contains("tic.project.project.created.v1", "tic.project.project.updated.v1"))
                .body("revisions[0].record.name", equalTo(name))
                .body("revisions[1].record.name", equalTo(name + " phase 1"))
                .body("revisions[1].changed", contains("name"))
                .body("revisions[1].reason", equalTo("Phase 1 split off"));
        given().get("/api/v1/projects/" + id + "/readiness/FEED_COMPLETE/history").then().statusCode(200)
                .body("revisions.record.status", contains("IN_PROGRESS", "COMPLETE"))
                .body("revisions[1].changed", contains("evidence", "status"));
        given().get("/api/v1/projects/" + id + "/readiness/EPC_TERMS/history").then().statusCode(200)
                .body("revisions.size()", equalTo(0));
        given().get("/api/v1/projects/" + id + "/history?asOf=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1))
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/projects/" + UUID.randomUUID() + "/history").then().statusCode(404);
    }
}
