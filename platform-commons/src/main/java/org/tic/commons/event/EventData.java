package org.tic.commons.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reading the fields of an event's data into a consumer's own records (the tolerant-reader half of a contract:
 * unknown fields are ignored, so a producer may add fields). A field that is absent, null or blank reads as null; a
 * required one missing, or one present but not what its type promises, makes the event poison (it can never be
 * applied). {@code where} names the object in messages, e.g. {@code data.cluster}.
 */
public final class EventData {

    private EventData() {
    }

    /** The object at {@code field} of {@code data}; poison when missing or not an object. */
    public static JsonNode object(JsonNode data, String field, String where) {
        JsonNode n = data == null ? null : data.get(field);
        if (n == null || !n.isObject()) {
            throw new PoisonEventException(where + "." + field + " is missing or not an object");
        }
        return n;
    }

    public static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        if (!v.isTextual()) {
            throw new PoisonEventException(where + "." + field + " is not a string");
        }
        return v.asText();
    }

    public static String required(JsonNode n, String field, String where) {
        String v = text(n, field, where);
        if (v == null) {
            throw new PoisonEventException(where + "." + field + " is missing");
        }
        return v;
    }

    public static UUID uuid(JsonNode n, String field, String where, boolean required) {
        String v = required ? required(n, field, where) : text(n, field, where);
        return v == null ? null : uuidValue(v, where + "." + field);
    }

    public static UUID uuidValue(String v, String where) {
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(where + " is not a UUID: " + v, e);
        }
    }

    public static LocalDate date(JsonNode n, String field, String where) {
        String v = text(n, field, where);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(where + "." + field + " is not a date: " + v, e);
        }
    }

    public static Instant instant(JsonNode n, String field, String where) {
        String v = text(n, field, where);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(where + "." + field + " is not an instant: " + v, e);
        }
    }

    public static BigDecimal decimal(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new PoisonEventException(where + "." + field + " is not a number");
        }
        return v.decimalValue();
    }

    public static Integer integer(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt()) {
            throw new PoisonEventException(where + "." + field + " is not an integer");
        }
        return v.asInt();
    }

    /** The snapshot version every aggregate carries (optimistic-locking counter): required. */
    public static long version(JsonNode n, String where) {
        JsonNode v = n.get("version");
        if (v == null || !v.canConvertToLong()) {
            throw new PoisonEventException(where + ".version is missing or not an integer");
        }
        return v.asLong();
    }

    /** The ids of an array field (absent: empty); anything but UUID strings in it makes the event poison. */
    public static List<UUID> uuids(JsonNode n, String field, String where) {
        return strings(n, field, where).stream().map(s -> uuidValue(s, where + "." + field)).toList();
    }

    /** The strings of an array field (absent: empty); anything but strings in it makes the event poison. */
    public static List<String> strings(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new PoisonEventException(where + "." + field + " is not an array");
        }
        for (JsonNode s : v) {
            if (!s.isTextual()) {
                throw new PoisonEventException(where + "." + field + " holds a non-string: " + s);
            }
            out.add(s.asText());
        }
        return out;
    }
}
