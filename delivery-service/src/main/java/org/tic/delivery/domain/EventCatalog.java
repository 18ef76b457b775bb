package org.tic.delivery.domain;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every event type the three services publish, as their AsyncAPI documents list them (EventCatalogContractTest
 * compares). Filters name these, so a typo is refused instead of silently matching nothing forever.
 */
public final class EventCatalog {

    public static final List<String> TYPES = List.of(
            "tic.membership.organization.created.v1",
            "tic.membership.organization.updated.v1",
            "tic.membership.organization.deleted.v1",
            "tic.membership.cluster.registered.v1",
            "tic.membership.cluster.updated.v1",
            "tic.membership.cluster.joined.v1",
            "tic.membership.cluster.suspended.v1",
            "tic.membership.cluster.reinstated.v1",
            "tic.membership.cluster.withdrawn.v1",
            "tic.membership.clusters.merged.v1",
            "tic.membership.cluster.party-added.v1",
            "tic.membership.cluster.party-removed.v1",
            "tic.membership.application.submitted.v1",
            "tic.membership.application.review-started.v1",
            "tic.membership.application.approved.v1",
            "tic.membership.application.rejected.v1",
            "tic.membership.application.withdrawn.v1",
            "tic.membership.policy.adopted.v1",
            "tic.membership.policy.updated.v1",
            "tic.project.project.created.v1",
            "tic.project.project.updated.v1",
            "tic.project.project.stage-changed.v1",
            "tic.project.project.reached-fid.v1",
            "tic.project.project.milestone-updated.v1",
            "tic.project.project.readiness-changed.v1",
            "tic.project.project.cancelled.v1",
            "tic.kpi.report.reported.v1",
            "tic.kpi.report.superseded.v1",
            "tic.kpi.import.completed.v1",
            "tic.kpi.initiative.totals-changed.v1");

    /** The types without their version suffix: what a change's {@code base_type} holds. */
    public static final Set<String> BASE_TYPES;

    static {
        Set<String> base = new TreeSet<>();
        TYPES.forEach(t -> base.add(baseType(t)));
        BASE_TYPES = Set.copyOf(base);
    }

    private EventCatalog() {
    }

    /** {@code tic.membership.cluster.joined.v1} → {@code tic.membership.cluster.joined}; other strings unchanged. */
    public static String baseType(String type) {
        int dot = type.lastIndexOf('.');
        return dot > 0 && type.substring(dot + 1).matches("v\\d+") ? type.substring(0, dot) : type;
    }
}
