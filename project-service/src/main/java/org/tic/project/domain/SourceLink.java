package org.tic.project.domain;

/** A public document the project's data comes from. */
public record SourceLink(String title, String url, String note) {
}
