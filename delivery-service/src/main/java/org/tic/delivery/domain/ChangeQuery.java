package org.tic.delivery.domain;

import java.util.Set;
import java.util.UUID;

/** A page request on the feed: after which seq, which changes, for whom, how many. */
public record ChangeQuery(long afterSeq, TypeFilter.Parsed types, Set<UUID> clusters, Set<UUID> projects, Viewer viewer,
                          int limit) {

    public ChangeQuery {
        clusters = Set.copyOf(clusters);
        projects = Set.copyOf(projects);
    }

    public ChangeQuery withLimit(int n) {
        return new ChangeQuery(afterSeq, types, clusters, projects, viewer, n);
    }
}
