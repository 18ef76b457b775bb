package org.tic.devinfra.identity;

import org.tic.devinfra.client.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Tokens for trying the API locally: printed, and written to .tic-local/tokens.env for shells. */
public record Tokens(Path file, String secretariat, String coordinator, String coordinatorCluster, String partner,
              String partnerOrganization, KeycloakServer keycloak) {

    /**
     * With Keycloak: the realm's demo users get the first demo cluster (coordinator) and organization (partner) as
     * their attributes; tokens.env holds a shell function fetching a fresh token (they live 5 minutes).
     */
    public static Tokens fromKeycloak(Path work, KeycloakServer keycloak, ApiClient membership) {
        JsonNode cluster = membership.get("/api/v1/clusters?size=1&sort=name").ok().path("items").path(0);
        JsonNode org = membership.get("/api/v1/organizations?size=1&sort=name").ok().path("items").path(0);
        if (cluster.hasNonNull("id")) {
            keycloak.ensureUser("coordinator", "cluster-coordinator", java.util.Map.of("clusters", List.of(cluster.path("id").asText())));
        }
        if (org.hasNonNull("id")) {
            keycloak.ensureUser("partner", "partner", java.util.Map.of("org", List.of(org.path("id").asText())));
        }
        Path file = work.resolve("tokens.env");
        String tokenUrl = keycloak.tokenUrl();
        writePrivate(file, "# source this file, then: curl -H \"Authorization: Bearer $(tic_token secretariat)\" ...\n"
                + "# users (password = username): secretariat, coordinator, partner; tokens live 5 minutes\n"
                + "tic_token() {\n"
                + "  curl -s -d grant_type=password -d client_id=" + KeycloakServer.CLI_CLIENT
                + " -d \"username=$1\" -d \"password=${2:-$1}\" " + tokenUrl
                + " | tic_field access_token\n"
                + "}\n"
                + "# a machine client's token: tic_client_token <clientId> <clientSecret>\n"
                + "tic_client_token() {\n"
                + "  curl -s -d grant_type=client_credentials -d \"client_id=$1\" -d \"client_secret=$2\" " + tokenUrl
                + " | tic_field access_token\n"
                + "}\n"
                + "# one string field of a JSON answer, without jq: ... | tic_field clientSecret\n"
                + "tic_field() {\n"
                + "  sed -E \"s/.*\\\"$1\\\":\\\"([^\\\"]+)\\\".*/\\\\1/\"\n"
                + "}\n");
        return new Tokens(file, null, null, cluster.path("name").asText("(no cluster yet)"), null,
                org.path("name").asText("(none)"), keycloak);
    }

    public static Tokens write(Path work, JwtMinter minter, String secretariat, ApiClient membership) {
        JsonNode cluster = membership.get("/api/v1/clusters?size=1&sort=name").ok().path("items").path(0);
        String clusterId = cluster.path("id").asText(null);
        String clusterName = cluster.path("name").asText("(no cluster yet)");
        String coordinator = minter.coordinator("coordinator@tic.local", clusterId == null ? List.of() : List.of(clusterId));
        JsonNode org = membership.get("/api/v1/organizations?size=1&sort=name").ok().path("items").path(0);
        String orgId = org.path("id").asText(null);
        String partner = minter.partner("partner@tic.local", orgId == null ? "00000000-0000-0000-0000-000000000000" : orgId);
        Path file = work.resolve("tokens.env");
        writePrivate(file, "# source this file: tokens valid 12 hours, signed by .tic-local/keys\n"
                + "export TIC_SECRETARIAT_TOKEN=" + secretariat + "\n"
                + "export TIC_COORDINATOR_TOKEN=" + coordinator + "\n"
                + "export TIC_PARTNER_TOKEN=" + partner + "\n");
        return new Tokens(file, secretariat, coordinator, clusterName, partner, org.path("name").asText("(none)"), null);
    }

    private static void writePrivate(Path file, String content) {
        try {
            Files.writeString(file, content);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not POSIX
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void print() {
        if (keycloak != null) {
            System.out.println("Log in (Keycloak, realm " + KeycloakServer.REALM + "; password = username):");
            System.out.println("  secretariat");
            System.out.println("  coordinator                     coordinator of " + coordinatorCluster);
            System.out.println("  partner                         partner of " + partnerOrganization);
            System.out.println("Tokens for curl: source " + file + "; then");
            System.out.println("  curl -H \"Authorization: Bearer $(tic_token secretariat)\" http://localhost:8081/api/v1/clusters");
            System.out.println("Swagger UI: Authorize, paste the output of `tic_token secretariat` (tokens live 5 minutes).");
            System.out.println("Partner machine clients: POST /api/v1/organizations/{id}/api-clients as the secretariat "
                    + "(membership-service README).");
            return;
        }
        System.out.println("Tokens (12 h; also in " + file + " — `source` it, then curl -H \"Authorization: Bearer $TIC_SECRETARIAT_TOKEN\" ...;");
        System.out.println("paste one into Swagger UI's Authorize):");
        System.out.println("  secretariat                     " + secretariat);
        System.out.println("  coordinator of " + coordinatorCluster);
        System.out.println("                                  " + coordinator);
        System.out.println("  partner (" + partnerOrganization + ")");
        System.out.println("                                  " + partner);
    }
}
