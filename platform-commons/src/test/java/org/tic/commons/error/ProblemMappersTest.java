package org.tic.commons.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.tic.commons.rules.FieldViolation;
import org.tic.commons.rules.RuleViolation;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one mapping of refusals to problem+json, as every service answers them. */
class ProblemMappersTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ProblemMappers mappers = new ProblemMappers(json);

    @Test
    void invalidFieldsAreA400ListingEveryField() throws Exception {
        Response r = mappers.ruleViolation(RuleViolation.invalid(List.of(
                new FieldViolation("co2e.value", "must be positive"), new FieldViolation("unit", "unknown unit"))), null);
        JsonNode body = body(r);
        assertEquals(400, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals("urn:tic:problem:validation-failed", body.get("type").asText());
        assertEquals("co2e.value: must be positive; unit: unknown unit", body.get("detail").asText());
        assertEquals("co2e.value", body.at("/violations/0/field").asText());
        assertEquals("unknown unit", body.at("/violations/1/message").asText());
    }

    @Test
    void aConflictIsA409WithoutViolations() throws Exception {
        Response r = mappers.ruleViolation(RuleViolation.conflict("The cluster is already suspended"), null);
        JsonNode body = body(r);
        assertEquals(409, r.getStatus());
        assertEquals("urn:tic:problem:conflict", body.get("type").asText());
        assertFalse(body.has("violations"));
    }

    @Test
    void aRefusedRuleIsA422NamedByItsCodeWithItsExtensions() throws Exception {
        Response r = mappers.ruleViolation(RuleViolation.unprocessable("stage-skipped", "Stage skipped",
                "From Concept the next stage is Feasibility", Map.of("allowedNext", List.of("FEASIBILITY"))), null);
        JsonNode body = body(r);
        assertEquals(422, r.getStatus());
        assertEquals("urn:tic:problem:stage-skipped", body.get("type").asText());
        assertEquals("Stage skipped", body.get("title").asText());
        assertEquals("FEASIBILITY", body.at("/allowedNext/0").asText());
    }

    @Test
    void aViolationWrappedByAnotherExceptionIsStillItsProblem() throws Exception {
        Response r = mappers.anything(new IllegalStateException("commit failed", RuleViolation.conflict("taken")), null, null);
        assertEquals(409, r.getStatus());
        assertEquals("taken", body(r).get("detail").asText());
    }

    @Test
    void aStaleVersionWithoutIfMatchIsAConcurrentModification() throws Exception {
        Response r = mappers.optimisticLock(new OptimisticLockException(), null, null);
        assertEquals(409, r.getStatus());
        assertEquals("urn:tic:problem:concurrent-modification", body(r).get("type").asText());
    }

    @Test
    void anythingUnexpectedIsA500WithAnErrorIdAndNoStackTrace() throws Exception {
        Response r = mappers.anything(new NullPointerException("secret internals"), null, null);
        JsonNode body = body(r);
        assertEquals(500, r.getStatus());
        assertTrue(body.get("detail").asText().contains(body.get("errorId").asText()));
        assertFalse(body.toString().contains("secret internals"));
    }

    private JsonNode body(Response r) throws Exception {
        return json.readTree((String) r.getEntity());
    }
}
