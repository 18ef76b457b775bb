package org.tic.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.commons.security.Caller;
import org.tic.project.domain.Partner;
import org.tic.project.domain.Project;
import org.tic.project.mapping.ClusterRefView;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Who may do what with a project, from the verified token ({@link Caller}); the services call it before they change
 * anything, so the rules hold whatever ids a request carries in its path or body.
 * <ul>
 *     <li>create: the secretariat, or a coordinator of the lead cluster named in the body;</li>
 *     <li>replace, stage moves, readiness: the secretariat, or a coordinator of the project's lead cluster <em>as
 *     stored</em> (a new lead in the body must be one the caller coordinates too);</li>
 *     <li>milestones: those, or a partner whose organization ({@code org} claim) is one of the project's partners;</li>
 *     <li>financial fields (capex, funding secured and its sources, business model) are shown only to the
 *     secretariat, coordinators of the lead or a participating cluster, and the project's partner organizations.</li>
 * </ul>
 * A coordinator of the cluster a merged cluster lives on in (its successor, {@code currentClusterId}) acts for the
 * projects that still name the merged one: nobody holds a token for a cluster that no longer exists.
 * <p>
 * Only request paths use this bean; the membership.events consumer never does (there is no caller there).
 */
@ApplicationScoped
public class ProjectAccess {

    private final Caller caller;
    private final ClusterDirectory directory;

    public ProjectAccess(Caller caller, ClusterDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    /** Create: the secretariat, or a coordinator of the lead cluster the request names. */
    public void requireMayCreate(UUID leadClusterId) {
        caller.requireAuthenticated();
        if (!caller.mayActFor(leadClusterId)) {
            throw Caller.forbidden("Only the secretariat or a coordinator of the lead cluster " + leadClusterId
                    + " may register a project led by it" + yours());
        }
    }

    /** Replace, stage moves, readiness: the secretariat, or a coordinator of the project's current lead. */
    public void requireLeadRights(Project p) {
        caller.requireAuthenticated();
        if (!leads(p)) {
            throw Caller.forbidden("Only the secretariat or a coordinator of the lead cluster " + p.leadClusterId
                    + " may change project " + p.id + yours());
        }
    }

    /** A replacement that names another lead: the caller must coordinate the new lead as well. */
    public void requireMayHandOver(Project p, UUID newLead) {
        if (newLead != null && !newLead.equals(p.leadClusterId) && !caller.mayActFor(newLead)) {
            throw Caller.forbidden("You may not make cluster " + newLead + " the lead: you do not coordinate it" + yours());
        }
    }

    /** Milestones: the lead's rights, or a partner organization of the project. */
    public void requireMilestoneRights(Project p) {
        caller.requireAuthenticated();
        if (!leads(p) && !isPartnerOf(p, caller.organizationId())) {
            throw Caller.forbidden("Only the secretariat, a coordinator of the lead cluster " + p.leadClusterId
                    + " or one of the project's partner organizations may change its milestones");
        }
    }

    /**
     * Decides, for the whole of one response, whether the caller may see a project's financial fields. The
     * references are the cluster refs already loaded for the response (used to resolve merged clusters).
     */
    public Predicate<Project> financialsVisible(Map<UUID, ClusterRefView> refs) {
        if (caller.isSecretariat()) {
            return p -> true;
        }
        Set<UUID> mine = caller.clusters();
        UUID org = caller.organizationId();
        if (mine.isEmpty() && org == null) {
            return p -> false;
        }
        return p -> coordinatesAny(mine, p.clusterIds(), refs) || isPartnerOf(p, org);
    }

    /** Who wrote a revision (a token subject) is shown to the secretariat only; the changes themselves are public. */
    public boolean seesWhoChanged() {
        return caller.isSecretariat();
    }

    private boolean leads(Project p) {
        if (caller.isSecretariat()) {
            return true;
        }
        Set<UUID> mine = caller.clusters();
        if (mine.isEmpty()) {
            return false;
        }
        if (mine.contains(p.leadClusterId)) {
            return true;
        }
        return coordinatesAny(mine, List.of(p.leadClusterId), directory.refs(List.of(p.leadClusterId)));
    }

    private static boolean coordinatesAny(Set<UUID> mine, Collection<UUID> clusterIds, Map<UUID, ClusterRefView> refs) {
        if (mine.isEmpty()) {
            return false;
        }
        for (UUID id : clusterIds) {
            ClusterRefView ref = refs.get(id);
            if (mine.contains(id) || (ref != null && mine.contains(ref.currentClusterId()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPartnerOf(Project p, UUID organizationId) {
        return organizationId != null && p.partners.stream().map(Partner::organizationId)
                .anyMatch(o -> Objects.equals(o, organizationId));
    }

    private String yours() {
        return caller.isCoordinator() ? " (your clusters: " + caller.clusters() + ")" : "";
    }
}
