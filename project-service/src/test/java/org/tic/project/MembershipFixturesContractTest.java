package org.tic.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tic.devinfra.testing.AsyncApiContract;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The membership events these tests publish are what membership-service really sends: they match its AsyncAPI
 * document (the producer's contract, checked there against its real events). Otherwise the read-model tests could
 * pass against a shape that never occurs.
 */
class MembershipFixturesContractTest {

    private static AsyncApiContract producerContract() throws Exception {
        Path doc = Path.of("..", "membership-service", "src", "main", "resources", "META-INF", "resources", "asyncapi.yaml");
        assertTrue(Files.exists(doc), "membership-service's AsyncAPI document is at " + doc.toAbsolutePath());
        try (InputStream in = Files.newInputStream(doc)) {
            return AsyncApiContract.load(in);
        }
    }

    @Test
    void fixturesMatchMembershipServicesContract() throws Exception {
        AsyncApiContract contract = producerContract();
        UUID id = UUID.randomUUID();
        ObjectNode cluster = MembershipEvents.cluster(id, "hynet-north-west", "HyNet North West", "GB", "SIGNATORY", 3);
        for (String type : List.of("tic.membership.cluster.registered.v1", "tic.membership.cluster.updated.v1")) {
            assertEquals(List.of(), contract.violations(type, MembershipEvents.wrap("cluster", cluster).toString()), type);
        }
        ObjectNode org = MembershipEvents.organization(UUID.randomUUID(), "Eni UK Ltd", 1);
        assertEquals(List.of(), contract.violations("tic.membership.organization.created.v1",
                MembershipEvents.wrap("organization", org).toString()));

        ObjectNode merged = MembershipEvents.JSON.createObjectNode();
        merged.put("mergeId", UUID.randomUUID().toString());
        merged.set("successor", MembershipEvents.cluster(UUID.randomUUID(), "joint", "Joint", "CO", "SIGNATORY", 1));
        ObjectNode predecessor = MembershipEvents.cluster(id, "cartagena-a", "Cartagena A", "CO", "MERGED", 2);
        merged.putArray("predecessors").add(predecessor);
        merged.put("effectiveDate", "2025-10-30");
        merged.put("reason", "Joint governance model");
        assertEquals(List.of(), contract.violations("tic.membership.clusters.merged.v1", merged.toString()));

        // and the check has teeth: a snapshot the producer would never send is refused
        ObjectNode wrong = MembershipEvents.cluster(id, "Not A Slug", "X", "GB", "SIGNATORY", 1);
        wrong.remove("version");
        assertTrue(contract.violations("tic.membership.cluster.updated.v1", MembershipEvents.wrap("cluster", wrong).toString()).size() >= 2);
    }
}
