package org.tic.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemException;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from the verified token: the actor recorded on writes, the roles, and the object-level rights
 * (a coordinator acts only for the clusters in its {@code clusters} claim, whatever ids a request carries).
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The token subject, recorded as {@code created_by}/{@code updated_by} and {@code ce_actor}; null when anonymous. */
    public String actor() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean isSecretariat() {
        return identity.hasRole(Roles.SECRETARIAT);
    }

    public boolean isCoordinator() {
        return identity.hasRole(Roles.COORDINATOR);
    }

    public boolean isPartner() {
        return identity.hasRole(Roles.PARTNER);
    }

    /** Clusters a coordinator may act for (empty for everyone else). */
    public Set<UUID> clusters() {
        if (!isCoordinator()) {
            return Set.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String s : strings(claim(Roles.CLUSTERS_CLAIM))) {
            try {
                ids.add(UUID.fromString(s.trim()));
            } catch (IllegalArgumentException ignored) {
                // a malformed id grants nothing
            }
        }
        return ids;
    }

    /** A partner's organization, or null. */
    public UUID organizationId() {
        if (!isPartner()) {
            return null;
        }
        var values = strings(claim(Roles.ORGANIZATION_CLAIM));
        try {
            return values.isEmpty() ? null : UUID.fromString(values.iterator().next());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The secretariat, or a coordinator of this cluster. */
    public boolean mayActFor(UUID clusterId) {
        return isSecretariat() || (clusterId != null && clusters().contains(clusterId));
    }

    public void requireAuthenticated() {
        if (isAnonymous()) {
            throw unauthenticated();
        }
    }

    public void requireSecretariat() {
        requireAuthenticated();
        if (!isSecretariat()) {
            throw forbidden("Only the secretariat may do this");
        }
    }

    /** Object-level check: the secretariat, or a coordinator of {@code clusterId}. */
    public void requireClusterRights(UUID clusterId) {
        requireAuthenticated();
        if (!mayActFor(clusterId)) {
            throw forbidden("You may act only for the clusters in your token" + (isCoordinator() ? " " + clusters() : ""));
        }
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(new Problem("unauthorized", "Unauthorized", 401,
                "Send a valid bearer token (Authorization: Bearer ...)", null));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem("forbidden", "Forbidden", 403, detail, null));
    }

    private Object claim(String name) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
    }

    private static Collection<String> strings(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (claim instanceof JsonString s) {
            out.add(s.getString());
        } else if (claim instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v).replace("\"", "")));
        } else if (claim instanceof String s) {
            out.add(s);
        }
        return out;
    }
}
