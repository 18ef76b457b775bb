package org.tic.kpi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.tic.commons.event.PoisonEventException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reading event data: a value that is present but malformed makes the event poison (it can never be applied). */
public final class Json {

    private Json() {
    }

    public static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static String required(JsonNode n, String field, String where) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw new PoisonEventException(where + "." + field + " is missing");
        }
        return v;
    }

    public static UUID uuid(JsonNode n, String field, String where, boolean required) {
        String v = required ? required(n, field, where) : text(n, field);
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
        String v = text(n, field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(where + "." + field + " is not a date: " + v, e);
        }
    }

    public static BigDecimal decimal(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new PoisonEventException(where + "." + field + " is not a number");
        }
        return v.decimalValue();
    }

    public static long version(JsonNode n, String where) {
        JsonNode v = n.get("version");
        if (v == null || !v.canConvertToLong()) {
            throw new PoisonEventException(where + ".version is missing or not a number");
        }
        return v.asLong();
    }

    /** A date field of the event data itself (e.g. effectiveDate). */
    public static LocalDate dataDate(JsonNode data, String field) {
        return date(data, field, "data");
    }
}
