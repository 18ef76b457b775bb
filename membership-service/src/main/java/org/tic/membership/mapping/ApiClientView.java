package org.tic.membership.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tic.membership.domain.ApiClient;
import org.tic.membership.domain.ApiClientStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ApiClient", description = "A partner organization's machine client. clientSecret is present only in the "
        + "answers of registration and of secret rotation; it is not stored by the platform and cannot be read again.")
public record ApiClientView(
        UUID id,
        @Schema(example = "partner-acme-steel-k3x9q2", description = "OAuth client_id") String clientId,
        @Schema(example = "8mKq2VtZp1xQvN0rS4uW7yB9cE3fH6jL", description = "OAuth client_secret: only in the answers "
                + "of registration and rotation")
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret,
        @Schema(example = "https://auth.example.org/realms/tic/protocol/openid-connect/token",
                description = "Where to ask for tokens (grant_type=client_credentials)") String tokenUrl,
        UUID organizationId,
        @Schema(example = "ERP integration") String name,
        String description,
        @Schema(description = "Clusters the organization took part in at registration: the tokens' clusters claim")
        List<UUID> clusters,
        @Schema(example = "ACTIVE") ApiClientStatus status,
        Instant createdAt,
        String createdBy,
        Instant secretRotatedAt,
        Instant revokedAt,
        String revokedBy) {

    public static ApiClientView of(ApiClient c, String tokenUrl) {
        return withSecret(c, null, tokenUrl);
    }

    public static ApiClientView withSecret(ApiClient c, String secret, String tokenUrl) {
        return new ApiClientView(c.id, c.clientId, secret, tokenUrl, c.organizationId, c.name, c.description,
                List.copyOf(c.clusters), c.status, c.createdAt, c.createdBy, c.secretRotatedAt, c.revokedAt, c.revokedBy);
    }
}
