package org.tic.membership.service;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.tic.commons.error.ProblemException;
import org.tic.commons.security.Caller;
import org.tic.commons.security.Roles;
import org.tic.membership.domain.ApplicationStatus;
import org.tic.membership.domain.MembershipApplication;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The object-level rules of membership-service, on plain tokens (no Quarkus). */
class MembershipAccessTest {

    private static final UUID MINE = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID ORG = UUID.randomUUID();

    @Test
    void aCoordinatorActsForItsClustersOnly() {
        MembershipAccess coordinator = access(Roles.COORDINATOR, Map.of(Roles.CLUSTERS_CLAIM, List.of(MINE.toString())));
        assertDoesNotThrow(() -> coordinator.requireClusterRights(MINE));
        assertEquals(403, status(() -> coordinator.requireClusterRights(OTHER)));
        assertDoesNotThrow(() -> access(Roles.SECRETARIAT, Map.of()).requireClusterRights(OTHER));
        assertEquals(401, status(() -> anonymous().requireClusterRights(MINE)));
    }

    @Test
    void coordinatorsSubmitAndWithdrawWhileTheSecretariatDecides() {
        MembershipAccess coordinator = access(Roles.COORDINATOR, Map.of(Roles.CLUSTERS_CLAIM, List.of(MINE.toString())));
        assertDoesNotThrow(() -> coordinator.requireMayMoveApplication(ApplicationStatus.SUBMITTED));
        assertDoesNotThrow(() -> coordinator.requireMayMoveApplication(ApplicationStatus.WITHDRAWN));
        for (ApplicationStatus decision : List.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, ApplicationStatus.REJECTED)) {
            assertEquals(403, status(() -> coordinator.requireMayMoveApplication(decision)), decision.name());
            assertDoesNotThrow(() -> access(Roles.SECRETARIAT, Map.of()).requireMayMoveApplication(decision));
        }
        assertEquals(403, status(coordinator::requireSecretariat));
    }

    @Test
    void anotherClustersApplicationIsNotFoundAndItsListForbidden() {
        MembershipAccess coordinator = access(Roles.COORDINATOR, Map.of(Roles.CLUSTERS_CLAIM, List.of(MINE.toString())));
        MembershipApplication theirs = application(OTHER);
        assertEquals(404, status(() -> coordinator.requireVisible(theirs)));
        assertEquals(theirs, access(Roles.SECRETARIAT, Map.of()).requireVisible(theirs));
        assertEquals(Optional.of(List.of(MINE)), coordinator.applicationScope(null));
        assertEquals(403, status(() -> coordinator.applicationScope(OTHER)));
        assertEquals(Optional.empty(), access(Roles.SECRETARIAT, Map.of()).applicationScope(null));
        assertEquals(Optional.of(List.of(OTHER)), access(Roles.SECRETARIAT, Map.of()).applicationScope(OTHER));
        assertEquals(Optional.of(List.of()), access(Roles.PARTNER, Map.of()).applicationScope(null));
    }

    @Test
    void anOrganizationIsChangedByTheSecretariatOrItself() {
        MembershipAccess partner = access(Roles.PARTNER, Map.of(Roles.ORGANIZATION_CLAIM, ORG.toString()));
        assertDoesNotThrow(() -> partner.requireMayChangeOrganization(ORG));
        assertEquals(403, status(() -> partner.requireMayChangeOrganization(UUID.randomUUID())));
        assertDoesNotThrow(() -> access(Roles.SECRETARIAT, Map.of()).requireMayChangeOrganization(ORG));
    }

    @Test
    void apiClientsAreManagedByTheSecretariatOrACoordinatorOfOneOfTheOrganizationsClusters() {
        MembershipAccess coordinator = access(Roles.COORDINATOR, Map.of(Roles.CLUSTERS_CLAIM, List.of(MINE.toString())));
        assertDoesNotThrow(() -> coordinator.requireMayManageApiClients(List.of(OTHER, MINE)));
        assertEquals(403, status(() -> coordinator.requireMayManageApiClients(List.of(OTHER))));
        MembershipAccess partner = access(Roles.PARTNER, Map.of(Roles.ORGANIZATION_CLAIM, ORG.toString()));
        assertEquals(403, status(() -> partner.requireMayManageApiClients(List.of(MINE))));
        assertEquals(401, status(() -> anonymous().requireMayManageApiClients(List.of(MINE))));
    }

    private static MembershipApplication application(UUID clusterId) {
        MembershipApplication a = new MembershipApplication();
        a.id = UUID.randomUUID();
        a.clusterId = clusterId;
        return a;
    }

    private static int status(Runnable r) {
        return assertThrows(ProblemException.class, r::run).problem().status;
    }

    private static MembershipAccess anonymous() {
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        return new MembershipAccess(new Caller(identity));
    }

    private static MembershipAccess access(String role, Map<String, Object> claims) {
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return "tester";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        return new MembershipAccess(new Caller(QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(role).build()));
    }
}
