package org.tic.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.tic.commons.error.ProblemException;
import org.tic.commons.security.Caller;
import org.tic.membership.domain.ApiClientRights;
import org.tic.membership.domain.ApplicationStatus;
import org.tic.membership.domain.MembershipApplication;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what in membership-service, from the verified token ({@link Caller}); the services call it before they
 * change anything, so the rules hold whatever ids a request carries in its path or body. Role checks that need no
 * object stay on the resources ({@code @RolesAllowed}); this class holds the object-level ones:
 * <ul>
 *     <li>a cluster, its parties, its status moves and its applications' drafts: the secretariat, or a coordinator
 *     of that cluster;</li>
 *     <li>application review and decisions, merges: the secretariat only (coordinators submit and withdraw);</li>
 *     <li>applications are visible to the secretariat and to coordinators of their cluster; anyone else gets a 404
 *     (whether another cluster's application exists is not the caller's business);</li>
 *     <li>an organization: the secretariat, or the organization itself (partner token, {@code org} claim);</li>
 *     <li>an organization's API clients: the secretariat, or a coordinator of a cluster the organization is an
 *     active party of ({@link ApiClientRights}).</li>
 * </ul>
 * Only request paths use this bean; nothing consumes events in membership-service.
 */
@ApplicationScoped
public class MembershipAccess {

    private final Caller caller;

    public MembershipAccess(Caller caller) {
        this.caller = caller;
    }

    /** Edit a cluster, its parties or its status; draft its application: the secretariat or its coordinator. */
    public void requireClusterRights(UUID clusterId) {
        caller.requireClusterRights(clusterId);
    }

    /** Merges and the like: the secretariat only. */
    public void requireSecretariat() {
        caller.requireSecretariat();
    }

    /** Coordinators submit and withdraw their own applications; review and decisions are the secretariat's. */
    public void requireMayMoveApplication(ApplicationStatus to) {
        if (to != ApplicationStatus.SUBMITTED && to != ApplicationStatus.WITHDRAWN) {
            caller.requireSecretariat();
        }
    }

    /** The application if the caller may see it, else a 404 (not 403: existence is not the caller's business). */
    public MembershipApplication requireVisible(MembershipApplication a) {
        if (!caller.mayActFor(a.clusterId)) {
            throw ProblemException.notFound("Application", a.id);
        }
        return a;
    }

    /**
     * The clusters whose applications a listing may show: empty for "all" (the secretariat, no filter), else the
     * requested cluster or the caller's own (possibly none). Asking for another cluster's list is a 403.
     */
    public Optional<List<UUID>> applicationScope(UUID requestedCluster) {
        if (caller.isSecretariat()) {
            return requestedCluster == null ? Optional.empty() : Optional.of(List.of(requestedCluster));
        }
        Set<UUID> mine = caller.clusters();
        if (requestedCluster != null && !mine.contains(requestedCluster)) {
            throw Caller.forbidden("You may list only the applications of your clusters " + mine);
        }
        return Optional.of(requestedCluster == null ? List.copyOf(mine) : List.of(requestedCluster));
    }

    /** Change an organization: the secretariat, or the organization itself. */
    public void requireMayChangeOrganization(UUID organizationId) {
        if (!caller.isSecretariat() && !organizationId.equals(caller.organizationId())) {
            throw Caller.forbidden("Only the secretariat, or the organization itself (partner token), may change it");
        }
    }

    /** Who wrote a revision (a token subject) is shown to the secretariat only; the changes themselves are public. */
    public boolean seesWhoChanged() {
        return caller.isSecretariat();
    }

    /** Manage an organization's API clients, given the clusters it is an active party of. */
    public void requireMayManageApiClients(List<UUID> organizationClusters) {
        caller.requireAuthenticated();
        if (!ApiClientRights.mayManage(caller.isSecretariat(), caller.clusters(), organizationClusters)) {
            throw Caller.forbidden("Only the secretariat, or a coordinator of a cluster the organization takes part in, "
                    + "may manage its API clients" + (caller.isCoordinator() ? " (your clusters: " + caller.clusters() + ")" : ""));
        }
    }
}
