package org.tic.kpi.service;

import org.tic.commons.security.Caller;

import java.util.Set;
import java.util.UUID;

/**
 * What a caller may act for, as plain values: taken from the token ({@link Caller}) while the request runs, and
 * stored on an import job so its rows are checked later, on the worker thread, where there is no request and no
 * {@code Caller}.
 *
 * @param actor       the token subject, recorded on writes and in {@code ce_actor} (null when anonymous)
 * @param secretariat acts for every cluster
 * @param clusters    the clusters a coordinator acts for (its {@code clusters} claim); empty for everyone else
 */
public record Rights(String actor, boolean secretariat, Set<UUID> clusters) {

    public static final Rights NONE = new Rights(null, false, Set.of());

    public Rights {
        clusters = clusters == null ? Set.of() : Set.copyOf(clusters);
    }

    public static Rights of(Caller caller) {
        if (caller.isAnonymous()) {
            return NONE;
        }
        return new Rights(caller.actor(), caller.isSecretariat(), caller.clusters());
    }

    /** The secretariat, or a coordinator of exactly this cluster. */
    public boolean mayActFor(UUID clusterId) {
        return secretariat || (clusterId != null && clusters.contains(clusterId));
    }

    /** Whether any cluster-level right exists at all (false for anonymous callers and partners). */
    public boolean actsForAnyCluster() {
        return secretariat || !clusters.isEmpty();
    }
}
