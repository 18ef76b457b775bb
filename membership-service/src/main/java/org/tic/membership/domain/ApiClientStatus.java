package org.tic.membership.domain;

/** ACTIVE: the client exists in the identity provider and gets tokens. REVOKED: deleted there; the row is the history. */
public enum ApiClientStatus {
    ACTIVE, REVOKED
}
