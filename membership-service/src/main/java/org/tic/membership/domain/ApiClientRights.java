package org.tic.membership.domain;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Who may register, list, rotate and revoke an organization's API clients: the secretariat, or a coordinator of a
 * cluster the organization is an active party of (its token's {@code clusters} claim names that cluster). Partners
 * themselves may not: a client is a credential the platform hands out, not one an organization grants itself.
 */
public final class ApiClientRights {

    private ApiClientRights() {
    }

    /**
     * @param secretariat          the caller has the secretariat role
     * @param coordinatedClusters  clusters the caller coordinates (empty for anyone but a coordinator)
     * @param organizationClusters clusters the organization is an active party of
     */
    public static boolean mayManage(boolean secretariat, Set<UUID> coordinatedClusters, Collection<UUID> organizationClusters) {
        if (secretariat) {
            return true;
        }
        if (coordinatedClusters == null || organizationClusters == null) {
            return false;
        }
        for (UUID cluster : organizationClusters) {
            if (coordinatedClusters.contains(cluster)) {
                return true;
            }
        }
        return false;
    }
}
