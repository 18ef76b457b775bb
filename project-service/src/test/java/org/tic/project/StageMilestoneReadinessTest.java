package org.tic.project;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tic.project.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.tic.project.Fixtures.completeReadiness;
import static org.tic.project.Fixtures.create;
import static org.tic.project.Fixtures.evidence;
import static org.tic.project.Fixtures.post;
import static org.tic.project.Fixtures.project;
import static org.tic.project.Fixtures.put;
import static org.tic.project.Fixtures.transition;

/** Stage moves, the dated history, milestones and readiness gating through the API. */
@QuarkusTest
class StageMilestoneReadinessTest {

    @Inject
    ReadModelSupport readModel;

    private static UUID lead;

    @BeforeEach
    void cluster() {
        if (lead == null) {
            lead = readModel.cluster("stages-" + UUID.randomUUID(), "Stage Test Cluster", "GB", "SIGNATORY");
        }
    }

    private static String newProject() {
        return create(project("Stages " + UUID.randomUUID(), lead));
    }

    @Test
    void aProjectIsWalkedToFidWithReadinessAndMilestonesAndItsHistoryReadsBack() {
        String id = newProject();
        transition(id, "FEASIBILITY", "2023-01-15", Map.of("note", "Pre-feasibility study")).statusCode(201)
                .header("ETag", "\"1\"")
                .body("sequence", equalTo(2)).body("from", equalTo("CONCEPT")).body("to", equalTo("FEASIBILITY"));
        transition(id, "FEED", "2023-09-01", Map.of("evidence", List.of(evidence("FEED contract awarded")))).statusCode(201);
        put("/api/v1/projects/" + id + "/milestones/FEED_COMPLETE", Map.of("plannedDate", "2024-06-30")).statusCode(200)
                .body("status", equalTo("OVERDUE"));
        put("/api/v1/projects/" + id + "/milestones/FEED_COMPLETE", Map.of("plannedDate", "2024-06-30", "actualDate", "2024-08-15"))
                .statusCode(200).body("status", equalTo("ACHIEVED")).body("slipDays", equalTo(46));

        transition(id, "BANKABLE", "2024-09-01", null).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tic:problem:readiness-incomplete"))
                .body("from", equalTo("FEED")).body("to", equalTo("BANKABLE"))
                .body("allowed", hasItem("BANKABLE"));
        given().get("/api/v1/projects/" + id + "/readiness").then().statusCode(200)
                .body("summary.complete", equalTo(false)).body("summary.level", equalTo("NOT_STARTED"))
                .body("items", hasSize(7)).body("items[0].item", equalTo("BUSINESS_MODEL"));

        completeReadiness(id);
        given().get("/api/v1/projects/" + id + "/readiness").then().statusCode(200)
                .body("summary.complete", equalTo(true)).body("summary.level", equalTo("READY"))
                .body("summary.itemsNotApplicable", equalTo(1)).body("summary.percent", equalTo(100));
        transition(id, "BANKABLE", "2024-09-01", Map.of("note", "Lenders accept the structure")).statusCode(201)
                .body("readinessOverride", equalTo(false));
        put("/api/v1/projects/" + id + "/milestones/FINANCIAL_CLOSE", Map.of("plannedDate", "2025-04-30")).statusCode(200);
        transition(id, "FID", "2025-04-24", Map.of("note", "FID and financial close")).statusCode(201);
        put("/api/v1/projects/" + id + "/milestones/FINANCIAL_CLOSE", Map.of("plannedDate", "2025-04-30", "actualDate", "2025-04-24"))
                .statusCode(200).body("slipDays", equalTo(-6));
        put("/api/v1/projects/" + id + "/milestones/FIRST_OPERATION", Map.of("plannedDate", "2028-12-31", "note", "start-up planned in 2028"))
                .statusCode(200).body("status", equalTo("PLANNED"));

        given().get("/api/v1/projects/" + id).then().statusCode(200)
                .body("stage", equalTo("FID")).body("stageDate", equalTo("2025-04-24")).body("fidDate", equalTo("2025-04-24"))
                .body("stageTerms.mpp", equalTo("FID / secured funding"))
                .body("readiness.complete", equalTo(true));
        given().get("/api/v1/projects?fidYear=2025&cluster=" + lead).then().body("items.id", hasItem(id));
        given().get("/api/v1/projects/" + id + "/stage-history").then().statusCode(200)
                .body("items.to", contains("CONCEPT", "FEASIBILITY", "FEED", "BANKABLE", "FID"))
                .body("items.from", contains(null, "CONCEPT", "FEASIBILITY", "FEED", "BANKABLE"))
                .body("items.date", contains(null, "2023-01-15", "2023-09-01", "2024-09-01", "2025-04-24"))
                .body("items[2].evidence[0].description", equalTo("FEED contract awarded"))
                .body("totalItems", equalTo(5));
        given().get("/api/v1/projects/" + id + "/milestones").then().statusCode(200)
                .body("type", contains("FEED_COMPLETE", "FID", "FINANCIAL_CLOSE", "FIRST_OPERATION"))
                .body("find { it.type == 'FID' }.actualDate", equalTo("2025-04-24"))
                .body("find { it.type == 'FID' }.status", equalTo("ACHIEVED"));
        given().get("/api/v1/projects/" + id + "/milestones/FID").then().statusCode(200).body("note", equalTo("FID and financial close"));
        given().get("/api/v1/projects/" + id + "/milestones/PERMITS_GRANTED").then().statusCode(404);
    }

    @Test
    void skippingToFidNeedsAReasonAndIsRecorded() {
        String id = newProject();
        transition(id, "FEASIBILITY", "2024-01-01", null).statusCode(201);
        transition(id, "FEED", "2024-02-01", null).statusCode(201);
        transition(id, "FID", "2024-03-01", null).statusCode(422)
                .body("type", equalTo("urn:tic:problem:stage-skip-requires-reason"))
                .body("detail", containsString("before BANKABLE"));
        transition(id, "FID", "2024-03-01", Map.of("skipReason", "Government-led regulated model; no separate bankability step"))
                .statusCode(201).body("skipped", contains("BANKABLE")).body("skipReason", containsString("regulated"));
        given().get("/api/v1/projects/" + id).then().body("fidDate", equalTo("2024-03-01"));
    }

    @Test
    void bankableByOverrideNeedsAReason() {
        String id = newProject();
        transition(id, "FEASIBILITY", "2024-01-01", null).statusCode(201);
        transition(id, "FEED", "2024-02-01", null).statusCode(201);
        transition(id, "BANKABLE", "2024-03-01", Map.of("override", true)).statusCode(422)
                .body("type", equalTo("urn:tic:problem:override-reason-required"));
        transition(id, "BANKABLE", "2024-03-01", Map.of("override", true, "overrideReason", "Term sheet signed by lenders"))
                .statusCode(201).body("readinessOverride", equalTo(true)).body("overrideReason", equalTo("Term sheet signed by lenders"));
    }

    @Test
    void onHoldResumesToTheStageItWasIn() {
        String id = newProject();
        transition(id, "FEASIBILITY", "2024-01-01", null).statusCode(201);
        transition(id, "ON_HOLD", "2024-02-01", Map.of("note", "Awaiting grid connection")).statusCode(201);
        given().get("/api/v1/projects/" + id).then().body("stage", equalTo("ON_HOLD")).body("heldStage", equalTo("FEASIBILITY"))
                .body("stageTerms.gem", equalTo("Shelved")).body("nextStages", contains("FEASIBILITY", "CANCELLED"));
        transition(id, "FEED", "2024-03-01", null).statusCode(422).body("type", equalTo("urn:tic:problem:resume-to-held-stage"));
        transition(id, "FEASIBILITY", "2024-03-01", null).statusCode(201);
        given().get("/api/v1/projects/" + id).then().body("stage", equalTo("FEASIBILITY")).body("heldStage", nullValue());
    }

    @Test
    void nothingLeavesCancelled() {
        String id = newProject();
        transition(id, "CANCELLED", "2024-01-01", null).statusCode(422).body("type", equalTo("urn:tic:problem:cancel-reason-required"));
        transition(id, "CANCELLED", "2024-01-01", Map.of("note", "Sponsor withdrew")).statusCode(201);
        transition(id, "FEASIBILITY", "2024-02-01", null).statusCode(422)
                .body("type", equalTo("urn:tic:problem:stage-final")).body("allowed", hasSize(0));
        transition(id, "DECOMMISSIONED", "2024-02-01", null).statusCode(422).body("type", equalTo("urn:tic:problem:stage-final"));
    }

    @Test
    void decommissionedOnlyFollowsOperational() {
        Map<String, Object> body = project("Operating " + UUID.randomUUID(), lead);
        body.put("stage", "UNDER_CONSTRUCTION");
        String id = create(body);
        transition(id, "DECOMMISSIONED", "2024-01-01", null).statusCode(422)
                .body("type", equalTo("urn:tic:problem:decommission-only-from-operational"));
        transition(id, "OPERATIONAL", "2024-01-01", null).statusCode(201);
        transition(id, "CANCELLED", "2024-02-01", Map.of("note", "x")).statusCode(422)
                .body("type", equalTo("urn:tic:problem:operational-not-cancellable"));
        transition(id, "DECOMMISSIONED", "2024-02-01", null).statusCode(201);
    }

    @Test
    void datesAreCheckedAgainstThePreviousMoveAndToday() {
        String id = newProject();
        transition(id, "FEASIBILITY", "2024-05-01", null).statusCode(201);
        transition(id, "FEED", "2024-04-30", null).statusCode(422).body("type", equalTo("urn:tic:problem:transition-date-before-previous"));
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        transition(id, "FEED", future, null).statusCode(422).body("type", equalTo("urn:tic:problem:transition-date-in-future"));
        transition(id, "FEED", "2024-05-01", null).statusCode(201);
    }

    @Test
    void transitionsAreValidatedAndGuardedByIfMatch() {
        String id = newProject();
        post("/api/v1/projects/" + id + "/stage-transitions", Map.of("note", "no target")).statusCode(400)
                .body("violations.field", contains("date", "to"));
        post("/api/v1/projects/" + id + "/stage-transitions", Map.of("to", "LATER", "date", "2024-01-01")).statusCode(400);
        post("/api/v1/projects/" + id + "/stage-transitions", Map.of("to", "FEED", "date", "yesterday")).statusCode(400);
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"")
                .body(Map.of("to", "FEASIBILITY", "date", "2024-01-01"))
                .post("/api/v1/projects/" + id + "/stage-transitions").then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("to", "FEASIBILITY", "date", "2024-01-01"))
                .post("/api/v1/projects/" + id + "/stage-transitions").then().statusCode(201).header("ETag", "\"1\"");
        transition(UUID.randomUUID().toString(), "FEED", "2024-01-01", null).statusCode(404);
        given().get("/api/v1/projects/" + UUID.randomUUID() + "/stage-history").then().statusCode(404);
    }

    @Test
    void concurrentMovesOfOneProjectNeverBothSucceed() throws Exception {
        String id = newProject();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> transition(id, "FEASIBILITY", "2024-01-01", null).extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var r : results) {
                statuses.add(r.get());
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            // the others lost the race (409) or saw the move already made (422 stage-unchanged): never a 500
            org.junit.jupiter.api.Assertions.assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409 || s == 422), statuses.toString());
        } finally {
            pool.shutdown();
        }
        given().get("/api/v1/projects/" + id + "/stage-history").then().body("items.to", contains("CONCEPT", "FEASIBILITY"));
    }

    @Test
    void aProjectRegisteredAtFidHasItsFidDateAndMilestones() {
        Map<String, Object> body = project("Registered at FID " + UUID.randomUUID(), lead);
        body.put("stage", "FID");
        body.put("stageDate", "2025-04-24");
        body.put("milestones", List.of(Map.of("type", "FINANCIAL_CLOSE", "actualDate", "2025-04-24")));
        String id = post("/api/v1/projects", body).statusCode(201)
                .body("stage", equalTo("FID")).body("fidDate", equalTo("2025-04-24")).extract().path("id");
        given().get("/api/v1/projects/" + id + "/milestones").then()
                .body("type", contains("FID", "FINANCIAL_CLOSE")).body("actualDate", contains("2025-04-24", "2025-04-24"));
        given().get("/api/v1/projects/" + id + "/stage-history").then()
                .body("items[0].to", equalTo("FID")).body("items[0].date", equalTo("2025-04-24"))
                .body("items[0].note", equalTo("Registered at FID"));

        Map<String, Object> offLine = project("Registered on hold " + UUID.randomUUID(), lead);
        offLine.put("stage", "ON_HOLD");
        post("/api/v1/projects", offLine).statusCode(422).body("type", equalTo("urn:tic:problem:invalid-initial-stage"));
        Map<String, Object> earlyFid = project("FID milestone at concept " + UUID.randomUUID(), lead);
        earlyFid.put("milestones", List.of(Map.of("type", "FID", "actualDate", "2025-01-01")));
        post("/api/v1/projects", earlyFid).statusCode(422).body("type", equalTo("urn:tic:problem:fid-before-stage"));
        Map<String, Object> twice = project("Milestone twice " + UUID.randomUUID(), lead);
        twice.put("milestones", List.of(Map.of("type", "PERMITS_GRANTED", "plannedDate", "2025-01-01"),
                Map.of("type", "PERMITS_GRANTED", "plannedDate", "2026-01-01")));
        post("/api/v1/projects", twice).statusCode(400).body("violations[0].field", equalTo("milestones[1].type"));
    }

    @Test
    void milestoneRules() {
        String id = newProject();
        put("/api/v1/projects/" + id + "/milestones/FID", Map.of("actualDate", "2024-01-01")).statusCode(422)
                .body("type", equalTo("urn:tic:problem:fid-before-stage"));
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        put("/api/v1/projects/" + id + "/milestones/PERMITS_GRANTED", Map.of("actualDate", future)).statusCode(422)
                .body("type", equalTo("urn:tic:problem:milestone-actual-in-future"));
        put("/api/v1/projects/" + id + "/milestones/PERMITS_GRANTED", Map.of("plannedDate", future)).statusCode(200)
                .body("status", equalTo("PLANNED")).header("ETag", "\"1\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("plannedDate", future))
                .put("/api/v1/projects/" + id + "/milestones/PERMITS_GRANTED").then().statusCode(412);
        put("/api/v1/projects/" + id + "/milestones/PERMITS_GRANTED", Map.of()).statusCode(200).body("status", equalTo("NOT_PLANNED"));
        given().get("/api/v1/projects/" + id + "/milestones").then().body("", hasSize(0));
        put("/api/v1/projects/" + id + "/milestones/CONSTRUCTION_START", Map.of()).statusCode(400);
        put("/api/v1/projects/" + id + "/milestones/SOMETHING", Map.of("plannedDate", future)).statusCode(400);
    }

    @Test
    void readinessItemsNeedEvidenceOrAJustification() {
        String id = newProject();
        put("/api/v1/projects/" + id + "/readiness/EPC_TERMS", Map.of("status", "COMPLETE")).statusCode(422)
                .body("type", equalTo("urn:tic:problem:readiness-evidence-required")).body("item", equalTo("EPC_TERMS"));
        put("/api/v1/projects/" + id + "/readiness/OFFTAKE_AGREEMENTS", Map.of("status", "NOT_APPLICABLE")).statusCode(422)
                .body("type", equalTo("urn:tic:problem:readiness-justification-required"));
        put("/api/v1/projects/" + id + "/readiness/EPC_TERMS", Map.of("status", "IN_PROGRESS", "note", "Negotiating")).statusCode(200)
                .header("ETag", "\"1\"")
                .body("summary.level", equalTo("IN_PROGRESS")).body("summary.itemsInProgress", equalTo(1))
                .body("items.find { it.item == 'EPC_TERMS' }.status", equalTo("IN_PROGRESS"));
        put("/api/v1/projects/" + id + "/readiness/EPC_TERMS",
                Map.of("status", "COMPLETE", "evidence", List.of(evidence("EPC contract signed")))).statusCode(200)
                .body("items.find { it.item == 'EPC_TERMS' }.evidence[0].description", equalTo("EPC contract signed"))
                .body("summary.itemsComplete", equalTo(1)).body("summary.percent", equalTo(14));
        put("/api/v1/projects/" + id + "/readiness/WISHFUL_THINKING", Map.of("status", "COMPLETE")).statusCode(400);
        put("/api/v1/projects/" + id + "/readiness/EPC_TERMS", Map.of()).statusCode(400).body("violations[0].field", equalTo("status"));
        given().get("/api/v1/projects/" + UUID.randomUUID() + "/readiness").then().statusCode(404);
    }
}
