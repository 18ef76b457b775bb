package org.tic.membership.client;

import org.tic.commons.error.Problem;
import org.tic.commons.error.ProblemException;

/**
 * The identity provider is not configured, unreachable, too slow, or refuses this service's admin account: a 503
 * problem ({@code identity-provider-unavailable}); with {@link #retryAfterSeconds()} when trying again may help.
 */
public class IdentityProviderUnavailableException extends ProblemException {

    public static final String TYPE = "identity-provider-unavailable";

    private final Integer retryAfterSeconds;

    private IdentityProviderUnavailableException(String detail, Integer retryAfterSeconds) {
        super(new Problem(TYPE, "Identity provider unavailable", 503, detail, null));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** No identity provider configured (the local key-pair mode, this service's own tests): retrying will not help. */
    public static IdentityProviderUnavailableException notConfigured() {
        return new IdentityProviderUnavailableException("no identity provider configured: API clients cannot be "
                + "managed here (set TIC_IDENTITY_PROVIDER_URL and TIC_IDENTITY_PROVIDER_ADMIN_CLIENT_SECRET)", null);
    }

    public static IdentityProviderUnavailableException unreachable(String detail) {
        return new IdentityProviderUnavailableException(detail, 10);
    }

    /** Seconds after which a retry may succeed, or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
