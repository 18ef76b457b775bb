package org.tic.project.domain;

import java.util.Map;

/**
 * A well-formed request that breaks a domain rule (answered as 422 problem+json). Domain classes throw it so they
 * stay free of HTTP; the {@code code} becomes the problem type and the extensions are added to the body.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final String title;
    private final Map<String, Object> extensions;

    public RuleViolation(String code, String title, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.code = code;
        this.title = title;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public RuleViolation(String code, String title, String detail) {
        this(code, title, detail, null);
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
