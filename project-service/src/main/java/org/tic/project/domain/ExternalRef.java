package org.tic.project.domain;

/** The project's id in another database (IEA, GEM, ...). */
public record ExternalRef(ExternalRefSource source, String id, String url) {
}
