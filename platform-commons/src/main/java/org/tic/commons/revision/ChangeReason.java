package org.tic.commons.revision;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Why a request changes what it changes, from its optional {@value #HEADER} header (at most {@value #MAX} characters):
 * kept with the revisions the request writes when the operation itself carries no reason.
 */
@RequestScoped
public class ChangeReason {

    public static final String HEADER = "X-Change-Reason";
    public static final int MAX = 500;

    private String value;

    public String value() {
        return value;
    }

    /** Through a method: the filter holds a client proxy, whose own fields are not the request's bean. */
    void set(String value) {
        this.value = value;
    }

    /** Reads the header of every request (cheap: one header lookup). */
    public static class Filter {

        private final ChangeReason reason;

        public Filter(ChangeReason reason) {
            this.reason = reason;
        }

        @ServerRequestFilter
        public void read(ContainerRequestContext request) {
            String v = request.getHeaderString(HEADER);
            if (v != null && !v.isBlank()) {
                String trimmed = v.trim();
                reason.set(trimmed.length() > MAX ? trimmed.substring(0, MAX) : trimmed);
            }
        }
    }
}
