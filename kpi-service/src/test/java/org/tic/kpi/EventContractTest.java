package org.tic.kpi;

import org.tic.devinfra.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.testing.AsyncApiContract;
import org.tic.kpi.event.KpiEventTypes;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tic.kpi.Api.given;

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
        for (Field f : KpiEventTypes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof String s && s.startsWith("tic.")) {
                declared.add(s);
            }
        }
        assertEquals(declared, new TreeSet<>(contract.documentedTypes()));
        // the schemas are strict enough to catch drift: a missing field, an unknown field, a wrong enum value
        assertFalse(contract.violations(KpiEventTypes.REPORT_SUPERSEDED, "{\"report\": {\"id\": \"" + UUID.randomUUID() + "\"}}").isEmpty());
        assertFalse(contract.violations(KpiEventTypes.IMPORT_COMPLETED, "{\"importId\": \"" + UUID.randomUUID()
                + "\", \"rowsTotal\": 1, \"rowsImported\": 1, \"rowsRejected\": 0, \"colour\": \"red\"}").isEmpty());
        assertFalse(contract.violations(KpiEventTypes.TOTALS_CHANGED, "{\"asOf\": \"2025-01-01\", \"signatoryClusters\": 1, "
                + "\"countries\": 1, \"metrics\": {\"k\": {\"label\": \"l\", \"unit\": \"PARSECS\", \"total\": 1, "
                + "\"summable\": true, \"clustersReporting\": 1, \"signatoryClusters\": 1}}}").isEmpty());
        // served to anyone, like the OpenAPI document
        Api.anonymous().get("/asyncapi.yaml").then().statusCode(200).body(containsString("asyncapi: 3.0.0"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void realEventsOfEveryTypeMatchTheContract() {
        AsyncApiContract contract = contract();
        try (EventProbe probe = new EventProbe("kpi.events")) {
            UUID cluster = Fixtures.signatory("Contract Cluster " + UUID.randomUUID().toString().substring(0, 8), "FR", 2024);
            UUID other = Fixtures.signatory("Contract Partner Cluster " + UUID.randomUUID().toString().substring(0, 8), "BE", 2025);
            UUID project = Fixtures.project("Contract Project", "HYDROGEN_AND_DERIVATIVES", "FEED", List.of(cluster, other));
            // reported: every metric, cluster and project subjects, with and without optional fields
            Map<String, Object> co2e = Fixtures.co2e(cluster, "4500", "KT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2025-01-22");
            co2e.put("notes", "bottom-up by site");
            String co2eId = Fixtures.report(co2e);
            Map<String, Object> scope3 = Fixtures.co2e(cluster, "12", "MT_CO2E_PER_YEAR", "EMITTED", "2025-01-22");
            ((Map<String, Object>) scope3.get("co2e")).put("scope", "SCOPE_1_2_3");
            Fixtures.report(scope3);
            Map<String, Object> jobs = AuthorizationMatrixTest.projectJobs(project, "1200");
            Fixtures.report(jobs);
            Map<String, Object> gdp = Fixtures.jobs(cluster, "850", "2025-01-22");
            gdp.remove("jobs");
            gdp.put("metric", "GDP");
            gdp.put("gdp", Map.of("currency", "USD", "priceYear", 2023, "basis", "DIRECT"));
            gdp.put("unit", "CURRENCY_MILLIONS");
            Fixtures.report(gdp);
            Map<String, Object> share = Fixtures.jobs(other, "37.5", "2025-01-22");
            share.remove("jobs");
            share.put("metric", "OTHER");
            share.put("metricName", "Contract test share " + UUID.randomUUID().toString().substring(0, 8));
            share.put("unit", "PERCENT");
            Fixtures.report(share);
            // superseded
            Map<String, Object> corrected = Fixtures.co2e(cluster, "4.2", "MT_CO2E_PER_YEAR", "POTENTIAL_REDUCTION", "2025-02-01");
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                    .body(Map.of("reason", "A site was counted twice", "report", corrected))
                    .post("/api/v1/kpi-reports/" + co2eId + "/corrections").then().statusCode(201);
            // import completed (with one imported row, as a coordinator, and one rejected row)
            String csv = "cluster,metric,jobs.kind,jobs.effect,jobs.phase,value,unit,periodStart,periodEnd,source.document,"
                    + "reportedBy,confidence,notes\n"
                    + cluster + ",JOBS,PROTECTED,INDIRECT,CONSTRUCTION,40,FTE,2024-01-01,2024-12-31,doc,x,VERIFIED,from a CSV\n"
                    + other + ",JOBS,PROTECTED,INDIRECT,CONSTRUCTION,41,FTE,2024-01-01,2024-12-31,doc,x,VERIFIED,\n";
            String importId = Api.as(org.tic.devinfra.testing.TestTokens.coordinator(cluster)).contentType("text/csv").body(csv)
                    .post("/api/v1/kpi-imports").then().statusCode(202).extract().path("id");
            AuthorizationMatrixTest.awaitCompleted(importId);

            Set<String> expected = contract.documentedTypes();
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(rs -> types(rs).containsAll(expected)
                    && rs.stream().anyMatch(r -> importId.equals(r.key())), Duration.ofSeconds(60));
            List<String> problems = new ArrayList<>();
            Map<String, Integer> checked = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                String type = EventProbe.header(r, "ce_type");
                checked.merge(type, 1, Integer::sum);
                contract.violations(type, r.value()).forEach(v -> problems.add(type + ": " + v + "\n  " + r.value()));
            }
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            assertEquals(new TreeSet<>(expected), new TreeSet<>(types(records)), checked.toString());
            assertTrue(checked.get(KpiEventTypes.REPORT_REPORTED) >= 6, checked.toString());
        }
    }

    private static Set<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> EventProbe.header(r, "ce_type")).collect(Collectors.toSet());
    }
}
