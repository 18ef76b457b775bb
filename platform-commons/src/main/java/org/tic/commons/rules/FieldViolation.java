package org.tic.commons.rules;

/** One invalid input: the field as the client names it (e.g. {@code parties[2].organizationId}) and what is wrong. */
public record FieldViolation(String field, String message) {
}
