package org.tic.membership.domain;

import org.tic.commons.rules.FieldViolation;
import org.tic.commons.rules.RuleViolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a policy adoption may concern: clusters that exist and lie in the adopting country (a national policy is
 * about that country's clusters; a corridor abroad is reached through its projects), named once each, and projects
 * named once each (their existence is project-service's business).
 */
public final class PolicyScope {

    private PolicyScope() {
    }

    /**
     * @param country     the adopting country
     * @param clusterIds  the clusters named, in request order (null: none)
     * @param countryOf   the country of each named cluster that exists
     * @return the clusters, each once, in request order
     */
    public static List<UUID> clusters(String country, List<UUID> clusterIds, Map<UUID, String> countryOf) {
        List<UUID> ids = distinct(clusterIds);
        List<FieldViolation> unknown = new ArrayList<>();
        List<UUID> abroad = new ArrayList<>();
        for (UUID id : ids) {
            String c = countryOf.get(id);
            if (c == null) {
                unknown.add(new FieldViolation("clusterIds", "cluster " + id + " does not exist"));
            } else if (!c.equals(country)) {
                abroad.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw RuleViolation.invalid(unknown);
        }
        if (!abroad.isEmpty()) {
            throw RuleViolation.unprocessable("policy-cluster-country", "Clusters outside the adopting country",
                    "A policy adoption of " + country + " concerns clusters in " + country + " only; " + abroad
                            + (abroad.size() == 1 ? " is" : " are") + " elsewhere",
                    Map.of("clusterIds", abroad));
        }
        return ids;
    }

    public static List<UUID> projects(List<UUID> projectIds) {
        return distinct(projectIds);
    }

    private static List<UUID> distinct(Collection<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
    }
}
