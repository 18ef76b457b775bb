package org.tic.commons.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request that breaks a rule of the domain: invalid fields (400), a conflict with the current state (409) or a
 * well-formed request the rules refuse (422). Domain classes and services throw it so they stay free of HTTP; the
 * platform maps it once to problem+json (code → problem type, fields → {@code violations}, extensions → members).
 * Nothing is committed: the transaction rolls back.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of refusal this is; the REST layer turns it into 400, 409 or 422. */
    public enum Kind { INVALID, CONFLICT, UNPROCESSABLE }

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<FieldViolation> fields;
    private final Map<String, Object> extensions;

    public RuleViolation(Kind kind, String code, String title, String detail, List<FieldViolation> fields,
                         Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
        // Kept in the caller's order: the body's members come out as the rule wrote them.
        this.extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** Invalid fields, all reported at once. */
    public static RuleViolation invalid(List<FieldViolation> fields) {
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return new RuleViolation(Kind.INVALID, "validation-failed", "Validation failed", detail, fields, null);
    }

    /** One invalid field. */
    public static RuleViolation invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    /** The request conflicts with the current state (a duplicate, a status that does not allow it). */
    public static RuleViolation conflict(String detail) {
        return new RuleViolation(Kind.CONFLICT, "conflict", "Conflict", detail, null, null);
    }

    /** A named rule refuses a well-formed request; the code becomes the problem type. */
    public static RuleViolation unprocessable(String code, String title, String detail) {
        return unprocessable(code, title, detail, null);
    }

    public static RuleViolation unprocessable(String code, String title, String detail, Map<String, Object> extensions) {
        return new RuleViolation(Kind.UNPROCESSABLE, code, title, detail, null, extensions);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldViolation> fields() {
        return fields;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
