package org.tic.commons.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What changed between two revisions: top-level fields that differ, bookkeeping (version, timestamps) left out. */
class RevisionWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void changedFieldsAreTheTopLevelFieldsThatDifferInNameOrder() throws Exception {
        JsonNode before = json("{\"name\":\"Humber\",\"status\":\"SIGNATORY\",\"sectors\":[\"steel\"],\"version\":3,\"updatedAt\":\"a\"}");
        JsonNode after = json("{\"name\":\"Humber\",\"status\":\"SUSPENDED\",\"sectors\":[\"steel\",\"cement\"],\"version\":4,\"updatedAt\":\"b\",\"website\":\"x\"}");
        assertEquals(List.of("sectors", "status", "website"), RevisionWriter.changedFields(before, after));
        assertEquals(List.of(), RevisionWriter.changedFields(before, before));
        assertEquals(List.of("name", "sectors", "status"), RevisionWriter.changedFields(before, null), "a deletion changes everything");
    }
}
