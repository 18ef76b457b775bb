package org.tic.commons.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Absent reads as null, present-but-wrong is poison, and the message says where. */
class EventDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wellFormedFieldsReadAsTheirTypes() throws Exception {
        UUID id = UUID.randomUUID();
        JsonNode n = JSON.readTree("{\"id\":\"" + id + "\",\"name\":\"HyNet\",\"joinedDate\":\"2024-03-01\",\"at\":\"2024-03-01T10:00:00Z\","
                + "\"value\":12.5,\"year\":2024,\"version\":3,\"sectors\":[\"steel\",\"cement\"],\"extra\":{\"ignored\":true}}");
        assertEquals(id, EventData.uuid(n, "id", "data", true));
        assertEquals("HyNet", EventData.required(n, "name", "data"));
        assertEquals(LocalDate.of(2024, 3, 1), EventData.date(n, "joinedDate", "data"));
        assertEquals(Instant.parse("2024-03-01T10:00:00Z"), EventData.instant(n, "at", "data"));
        assertEquals(new BigDecimal("12.5"), EventData.decimal(n, "value", "data"));
        assertEquals(2024, EventData.integer(n, "year", "data"));
        assertEquals(3L, EventData.version(n, "data"));
        assertEquals(List.of("steel", "cement"), EventData.strings(n, "sectors", "data"));
    }

    @Test
    void absentNullAndBlankReadAsNull() throws Exception {
        JsonNode n = JSON.readTree("{\"a\":null,\"b\":\"  \"}");
        for (String f : List.of("a", "b", "missing")) {
            assertNull(EventData.text(n, f, "data"));
            assertNull(EventData.uuid(n, f, "data", false));
            assertNull(EventData.date(n, f, "data"));
            assertNull(EventData.instant(n, f, "data"));
        }
        assertNull(EventData.decimal(n, "a", "data"));
        assertNull(EventData.integer(n, "missing", "data"));
        assertEquals(List.of(), EventData.strings(n, "missing", "data"));
    }

    @Test
    void missingRequiredAndMalformedFieldsArePoison() throws Exception {
        JsonNode n = JSON.readTree("{\"id\":\"not-a-uuid\",\"name\":7,\"date\":\"yesterday\",\"value\":\"ten\",\"version\":\"3\","
                + "\"sectors\":[\"steel\",1],\"cluster\":[]}");
        assertPoison("data.cluster.missing is missing", () -> EventData.required(n, "missing", "data.cluster"));
        assertPoison("data.id is not a UUID", () -> EventData.uuid(n, "id", "data", true));
        assertPoison("data.name is not a string", () -> EventData.text(n, "name", "data"));
        assertPoison("data.date is not a date", () -> EventData.date(n, "date", "data"));
        assertPoison("data.value is not a number", () -> EventData.decimal(n, "value", "data"));
        assertPoison("data.version is missing or not an integer", () -> EventData.version(n, "data"));
        assertPoison("data.sectors holds a non-string", () -> EventData.strings(n, "sectors", "data"));
        assertPoison("data.cluster is missing or not an object", () -> EventData.object(n, "cluster", "data"));
    }

    private static void assertPoison(String message, Runnable read) {
        PoisonEventException e = assertThrows(PoisonEventException.class, read::run);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
