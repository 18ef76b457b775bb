package org.tic.commons.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a deprecated {@code /api/v1} operation (put Java's {@code @Deprecated} beside it, so the OpenAPI document says
 * {@code deprecated: true}): every answer then carries {@code Deprecation} (RFC 9745), {@code Sunset} (RFC 8594) and a
 * {@code Link rel="deprecation"} to the policy. Dates are ISO days (UTC). See docs/api-deprecation.md.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Sunset {

    /** The day the operation was deprecated, e.g. {@code 2026-12-01}. */
    String deprecatedOn();

    /** The day after which it may be removed: at least six months after {@link #deprecatedOn()}. */
    String removedAfter();

    /** Where the replacement is described. */
    String link() default "https://github.com/tic-platform/tic-platform/blob/main/docs/api-deprecation.md";
}
