package org.tic.membership.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A partner organization's machine client: a confidential client in the identity provider (client-credentials
 * grant) whose tokens name the organization ({@code org}) and its clusters at registration ({@code clusters}).
 * The secret is never stored here: Keycloak keeps it, and it is shown once, at registration and at each rotation.
 */
@Entity
@Table(name = "api_client")
public class ApiClient extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    /** The OAuth client id in the identity provider, e.g. {@code partner-acme-steel-k3x9q2}. */
    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** The identity provider's own id of the client (its admin API addresses clients by it). */
    @Column(name = "keycloak_id", nullable = false)
    public String keycloakId;

    @Column(nullable = false)
    public String name;

    public String description;

    /** Clusters the organization was an active party of at registration: the tokens' {@code clusters} claim. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<UUID> clusters = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApiClientStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;

    @Column(name = "secret_rotated_by")
    public String secretRotatedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean isActive() {
        return status == ApiClientStatus.ACTIVE;
    }
}
