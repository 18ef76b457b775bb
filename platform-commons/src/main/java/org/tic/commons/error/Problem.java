package org.tic.commons.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
@Schema(name = "Problem", description = "RFC 9457 problem details")
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:tic:problem:";

    @Schema(description = "Problem type, a URN naming the kind of problem", example = "urn:tic:problem:validation-failed")
    public final String type;
    @Schema(example = "Validation failed")
    public final String title;
    @Schema(example = "400")
    public final int status;
    @Schema(example = "name: must not be blank")
    public final String detail;
    @Schema(description = "The request path", example = "/api/v1/clusters")
    public String instance;
    @Schema(description = "For validation problems: each invalid field with its path and message")
    public final List<Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String code, String title, int status, String detail, List<Violation> violations) {
        this.type = TYPE_PREFIX + code;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** One invalid input: where it is (e.g. {@code parties[2].organizationId}) and what is wrong. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String field, String message) {
    }
}
