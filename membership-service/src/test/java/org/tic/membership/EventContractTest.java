package org.tic.membership;

import org.tic.devinfra.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.testing.AsyncApiContract;
import org.tic.membership.event.MembershipEventTypes;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.tic.membership.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AsyncAPI document is the contract: every emitted event type is documented and its data matches the schema. */
@QuarkusTest
class EventContractTest {

    private static AsyncApiContract contract() {
        return AsyncApiContract.load(EventContractTest.class.getResourceAsStream("/META-INF/resources/asyncapi.yaml"));
    }

    @Test
    void everyTypeIsDocumentedWithAValidExample() throws Exception {
        AsyncApiContract contract = contract();
        assertEquals(Map.of(), contract.exampleViolations());
        Set<String> declared = new TreeSet<>();
        for (Field f : MembershipEventTypes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof String s && s.startsWith("tic.")) {
                declared.add(s);
            }
        }
        assertEquals(declared, new TreeSet<>(contract.documentedTypes()));
        given().get("/asyncapi.yaml").then().statusCode(200).body(containsString("asyncapi: 3.0.0"));
    }

    @Test
    void realEventsOfEveryTypeMatchTheContract() {
        AsyncApiContract contract = contract();
        try (EventProbe probe = new EventProbe("membership.events")) {
            // organization created, updated, deleted
            String org = Api.organization(Api.unique("Contract Org"), "COMPANY");
            given().contentType(ContentType.JSON).body(Map.of("name", "Renamed", "kind", "NGO")).put("/api/v1/organizations/" + org).then().statusCode(200);
            given().delete("/api/v1/organizations/" + org).then().statusCode(204);
            // cluster registered, updated, joined, suspended, reinstated, withdrawn, party added/removed
            String cluster = Api.signatory(Api.unique("Contract Cluster"), 2024);
            given().contentType(ContentType.JSON).body(Api.clusterBody("Contract Cluster renamed")).put("/api/v1/clusters/" + cluster).then().statusCode(200);
            String member = Api.organization(Api.unique("Member"), "COMPANY");
            String party = given().contentType(ContentType.JSON).body(Map.of("organizationId", member, "role", "MEMBER"))
                    .post("/api/v1/clusters/" + cluster + "/parties").then().statusCode(201).extract().path("id");
            given().delete("/api/v1/clusters/" + cluster + "/parties/" + party).then().statusCode(204);
            given().contentType(ContentType.JSON).body(Map.of("reason", "pause")).post("/api/v1/clusters/" + cluster + "/suspend").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("reason", "resume")).post("/api/v1/clusters/" + cluster + "/reinstate").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("reason", "leave")).post("/api/v1/clusters/" + cluster + "/withdraw").then().statusCode(200);
            // applications: approved, rejected, withdrawn (submitted and review-started on the way)
            List<String> orgs = List.of(Api.organization(Api.unique("C1"), "COMPANY"), Api.organization(Api.unique("C2"), "COMPANY"),
                    Api.organization(Api.unique("G"), "GOVERNMENT_BODY"));
            for (String outcome : List.of("approve", "reject", "withdraw")) {
                String applicant = Api.cluster(Api.unique("Contract Applicant"));
                String app = given().contentType(ContentType.JSON).body(Api.eligibleApplication(applicant, orgs))
                        .post("/api/v1/applications").then().statusCode(201).extract().path("id");
                given().post("/api/v1/applications/" + app + "/submit").then().statusCode(200);
                given().post("/api/v1/applications/" + app + "/review").then().statusCode(200);
                given().contentType(ContentType.JSON).body(Map.of("reason", "decided")).post("/api/v1/applications/" + app + "/" + outcome)
                        .then().statusCode(200);
            }
            // merge
            String a = Api.signatory(Api.unique("Merge A"), 2022);
            String b = Api.signatory(Api.unique("Merge B"), 2023);
            given().contentType(ContentType.JSON).body(Map.of("predecessorIds", List.of(a, b), "newCluster", Api.clusterBody(Api.unique("Joint"))))
                    .post("/api/v1/clusters/merges").then().statusCode(201);
            // policy adopted, updated
            Map<String, Object> policy = new LinkedHashMap<>(Map.of("country", "MY", "title", "TIC as a national agenda",
                    "kind", "NATIONAL_AGENDA", "adoptedOn", "2025-06-01"));
            String policyId = given().contentType(ContentType.JSON).body(policy).post("/api/v1/policy-adoptions").then().statusCode(201).extract().path("id");
            policy.put("scope", "National industrial decarbonization agenda");
            given().contentType(ContentType.JSON).body(policy).put("/api/v1/policy-adoptions/" + policyId).then().statusCode(200);

            Set<String> expected = contract.documentedTypes();
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(rs -> types(rs).containsAll(expected), Duration.ofSeconds(60));
            List<String> problems = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                String type = EventProbe.header(r, "ce_type");
                contract.violations(type, r.value()).forEach(v -> problems.add(type + ": " + v));
            }
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            assertEquals(new TreeSet<>(expected), new TreeSet<>(types(records)));
        }
    }

    private static Set<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> EventProbe.header(r, "ce_type")).collect(Collectors.toSet());
    }
}
