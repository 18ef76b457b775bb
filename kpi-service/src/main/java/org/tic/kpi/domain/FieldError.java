package org.tic.kpi.domain;

/** One broken rule: the field as the client names it (e.g. {@code co2e.metricType}) and what is wrong. */
public record FieldError(String field, String message) {
}
