package org.tic.project.domain;

/** What backs a stage move, a milestone or a readiness item: a description and, when public, a link. */
public record Evidence(String description, String url) {
}
