package org.tic.project.rest;

import jakarta.ws.rs.core.SecurityContext;

/**
 * Who makes a change, for the audit columns and the events' ce_actor: the authenticated principal when there is
 * one. Until authentication is added every caller is anonymous and this is null.
 */
final class Actors {

    private Actors() {
    }

    static String of(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
