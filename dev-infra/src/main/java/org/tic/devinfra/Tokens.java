package org.tic.devinfra;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Tokens for trying the API locally: printed, and written to .tic-local/tokens.env for shells. */
record Tokens(Path file, String secretariat, String coordinator, String coordinatorCluster, String partner,
              String partnerOrganization) {

    static Tokens write(Path work, JwtMinter minter, String secretariat, ApiClient membership) {
        JsonNode cluster = membership.get("/api/v1/clusters?size=1&sort=name").ok().path("items").path(0);
        String clusterId = cluster.path("id").asText(null);
        String clusterName = cluster.path("name").asText("(no cluster yet)");
        String coordinator = minter.coordinator("coordinator@tic.local", clusterId == null ? List.of() : List.of(clusterId));
        JsonNode org = membership.get("/api/v1/organizations?size=1&sort=name").ok().path("items").path(0);
        String orgId = org.path("id").asText(null);
        String partner = minter.partner("partner@tic.local", orgId == null ? "00000000-0000-0000-0000-000000000000" : orgId);
        Path file = work.resolve("tokens.env");
        try {
            Files.writeString(file, "# source this file: tokens valid 12 hours, signed by .tic-local/keys\n"
                    + "export TIC_SECRETARIAT_TOKEN=" + secretariat + "\n"
                    + "export TIC_COORDINATOR_TOKEN=" + coordinator + "\n"
                    + "export TIC_PARTNER_TOKEN=" + partner + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not POSIX
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Tokens(file, secretariat, coordinator, clusterName, partner, org.path("name").asText("(none)"));
    }

    void print() {
        System.out.println("Tokens (12 h; also in " + file + " — `source` it, then curl -H \"Authorization: Bearer $TIC_SECRETARIAT_TOKEN\" ...;");
        System.out.println("paste one into Swagger UI's Authorize):");
        System.out.println("  secretariat                     " + secretariat);
        System.out.println("  coordinator of " + coordinatorCluster);
        System.out.println("                                  " + coordinator);
        System.out.println("  partner (" + partnerOrganization + ")");
        System.out.println("                                  " + partner);
    }
}
